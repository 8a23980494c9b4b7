/// Something the inventory could not read or render, with where it is written.
///
/// A problem belongs to one target (or to the repository, for a file that does not parse); the
/// inventory reports it and goes on with everything else.
public struct InventoryProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target's name, or nil for a problem of the repository as a whole.
    public var target: String?
    /// The file the problem is in, relative to the repository root.
    public var file: String
    /// 1-based line and column, or nil when the problem is about the file as a whole.
    public var line: Int?
    public var column: Int?
    /// One line, without the position.
    public var message: String
    /// Extra lines for a terminal, such as the source line and a caret.
    public var detail: String?
    /// Whether the target may render differently from what Argo CD, Flux or kustomize deploy, so
    /// that Steward must not write to it.
    public var blocksWrites = true
    /// Whether the file is not valid YAML: broken data in Git that a person must fix, as opposed
    /// to a target Steward cannot render (a remote base, an unsupported generator).
    public var isSyntaxError = false

    /// `file:line:column: message` (or `file: message`).
    public var position: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }

    public var description: String { "\(position): \(message)" }
}
