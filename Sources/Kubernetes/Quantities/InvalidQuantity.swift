/// A resource field whose text is not a Kubernetes quantity, and where it is written.
public struct InvalidQuantity: Sendable, Hashable {
    public var text: String
    /// The file, relative to the repository root.
    public var file: String
    /// 1-based line and column of the value in its file.
    public var line: Int
    public var column: Int
}
