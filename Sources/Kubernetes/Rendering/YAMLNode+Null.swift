import YAMLSyntax

extension YAMLNode {
    /// Whether the node reads as null: an empty scalar, or a plain `~`/`null` (YAML 1.2 core
    /// schema), without converting the subtree to data.
    var isNull: Bool {
        guard kind == .scalar else { return false }
        if isEmpty { return true }
        guard style == .plain, tag == nil, let text = scalar else { return false }
        return text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
