/// A YAML failure with its position: a syntax error, an edit that cannot be applied, or an edit
/// whose result did not verify.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// The file the error is about (as given to the parser; only used in messages).
    public var path: String
    /// 1-based line of the offending character; 0 when the file could not be read at all.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the offending character.
    public var column: Int
    /// What went wrong, without the position.
    public var message: String
    /// The offending line, without its line break, for the caret display.
    public var sourceLine: String?

    public init(path: String, line: Int, column: Int, message: String, sourceLine: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `path:line:column: message`, then the offending line and a caret under the column
    /// (`path: message` when the file could not be read).
    public var description: String {
        if line == 0 { return "\(path): \(message)" }
        var text = "\(path):\(line):\(column): \(message)"
        if let sourceLine {
            text += "\n" + sourceLine
            let prefix = sourceLine.unicodeScalars.prefix(max(column - 1, 0))
            text += "\n" + String(prefix.map { $0 == "\t" ? "\t" : " " }) + "^"
        }
        return text
    }
}
