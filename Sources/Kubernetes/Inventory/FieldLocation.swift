/// Where a rendered value comes from: the location whose value wins after patches and value
/// files, its position for messages, and whether Steward can edit it there.
public struct FieldLocation: Sendable, Hashable {
    public var location: SourceLocation
    /// 1-based line and column of the value in its file.
    public var line: Int
    public var column: Int
    /// Why the value cannot be edited in place (it sits inside a string, such as an inline patch
    /// or a `helm.values` block), or nil when it can.
    public var readOnlyReason: String?

    public init(location: SourceLocation, line: Int, column: Int, readOnlyReason: String? = nil) {
        self.location = location
        self.line = line
        self.column = column
        self.readOnlyReason = readOnlyReason
    }

    /// `file:line:column`, as messages show it.
    public var position: String { "\(location.file):\(line):\(column)" }
}
