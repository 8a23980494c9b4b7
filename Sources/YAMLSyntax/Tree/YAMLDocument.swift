/// One document of a file (the part between `---` markers).
public struct YAMLDocument: Sendable {
    /// 0-based position in the file.
    public var index: Int
    /// The root node; an empty document has an empty scalar as its root.
    public var root: YAMLNode?

    let tree: SyntaxTree

    init(tree: SyntaxTree, index: Int) {
        self.tree = tree
        self.index = index
        self.root = YAMLNode(tree: tree, index: tree.documents[index].root)
    }

    /// The bytes of the document, from its first directive or `---` (or content) to its end.
    public var byteRange: Range<Int> { tree.documents[index].start..<tree.documents[index].end }
}
