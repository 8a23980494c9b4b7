/// One of Steward's own files (a policy, a policy test, `steward.yaml`) that cannot be used: every
/// problem found in it, each with the file, line, column, the line itself and a caret.
public struct YAMLDiagnostics: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [YAMLError]

    /// Orders `diagnostics` by line and column.
    public init(_ diagnostics: [YAMLError]) {
        self.diagnostics = diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }

    /// Each diagnostic with its line and caret; `file: message` for a file that cannot be read.
    public var messages: [String] {
        diagnostics.map { $0.line == 0 ? "\($0.path): \($0.message)" : $0.description }
    }

    /// Each diagnostic on one line: `file:line:column: message`.
    public var summaries: [String] {
        diagnostics.map {
            $0.line == 0 ? "\($0.path): \($0.message)" : "\($0.path):\($0.line):\($0.column): \($0.message)"
        }
    }

    /// Every diagnostic with its caret, one after the other.
    public var description: String {
        messages.joined(separator: "\n")
    }
}
