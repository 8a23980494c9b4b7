/// A tree of files to take an inventory of: a working directory, or a Git tree at a revision.
///
/// Paths are relative to the root, separated by `/`, without a leading `./`. The inventory asks
/// for the list once and reads each file it needs once.
public protocol FileTree {
    /// Every file of the tree.
    func filePaths() throws(FileTreeError) -> [String]

    /// The bytes of a file listed by ``filePaths()``.
    func contents(of path: String) throws(FileTreeError) -> [UInt8]
}

/// A tree that cannot be listed or a file that cannot be read.
public struct FileTreeError: Error, Sendable, CustomStringConvertible {
    /// What could not be read, as the user knows it (a directory, a file, `path@revision`).
    public var subject: String
    public var message: String

    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    /// `subject: message`.
    public var description: String { "\(subject): \(message)" }
}
