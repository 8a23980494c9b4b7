import YAMLSyntax

extension YAMLNode {
    /// Whether the node reads as null: an empty scalar, or a plain `~`/`null` (YAML 1.2 core
    /// schema), without converting the subtree to data.
    var isNull: Bool {
        guard kind == .scalar else { return false }
        if isEmpty { return true }
        // A plain scalar's content is never longer than its source: past four bytes it is not
        // one of the null words, and most values (quantities, names) are told apart here.
        guard byteRange.count <= 4, style == .plain, tag == nil, let text = scalar else { return false }
        return text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
