/// A file as it was and as it is after a change; nil on a side where the file does not exist.
public struct ChangedFile: Sendable, Hashable {
    /// Relative to the repository root, with `/` separators.
    public var path: String
    public var before: [UInt8]?
    public var after: [UInt8]?

    public init(path: String, before: [UInt8]?, after: [UInt8]?) {
        self.path = path
        self.before = before
        self.after = after
    }
}
