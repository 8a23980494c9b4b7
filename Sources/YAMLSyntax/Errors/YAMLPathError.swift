/// A malformed YAML path or document selector, with the 1-based character offset of the problem.
public struct YAMLPathError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The text that was being parsed.
    public var text: String
    /// 1-based position (in characters) of the offending character.
    public var position: Int
    /// What went wrong.
    public var message: String

    /// `invalid path 'a..b' at 3: message`.
    public var description: String {
        "invalid path '\(text)' at \(position): \(message)"
    }
}
