/// Files held in memory: for edited copies of a tree, benchmarks and tests.
public struct InMemoryFileTree: FileTree, Sendable {
    /// Contents by path.
    public var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]]) {
        self.files = files
    }

    public func filePaths() -> [String] {
        Array(files.keys)
    }

    public func contents(of path: String) throws(FileTreeError) -> [UInt8] {
        guard let bytes = files[path] else {
            throw FileTreeError(subject: path, message: "no such file")
        }
        return bytes
    }
}
