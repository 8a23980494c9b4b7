/// One difference between two values: at `path`, `old` became `new` (nil: absent).
public struct YAMLChange: Sendable, Hashable, CustomStringConvertible {
    public var path: YAMLPath
    public var old: YAMLValue?
    public var new: YAMLValue?

    public init(path: YAMLPath, old: YAMLValue?, new: YAMLValue?) {
        self.path = path
        self.old = old
        self.new = new
    }

    /// `path: old -> new`, with `(absent)` for a missing side.
    public var description: String {
        "\(path): \(old?.description ?? "(absent)") -> \(new?.description ?? "(absent)")"
    }
}
