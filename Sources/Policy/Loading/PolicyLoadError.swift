import YAMLSyntax

/// A policy (or policy test) file that cannot be used: every problem found in it, each with the
/// file, line, column, the line itself and a caret.
public struct PolicyLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [YAMLError]

    public init(_ diagnostics: [YAMLError]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic with its caret, one after the other.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
