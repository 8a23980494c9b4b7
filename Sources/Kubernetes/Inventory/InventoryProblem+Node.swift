import YAMLSyntax

extension InventoryProblem {
    /// A problem at the start of `node` in `file`: how the readers of Argo CD and Flux objects
    /// report a field they cannot follow.
    static func problem(in file: String, at node: YAMLNode, _ message: String, blocks: Bool = true)
        -> InventoryProblem
    {
        InventoryProblem(
            file: file, line: node.start.line, column: node.start.column, message: message,
            blocksWrites: blocks)
    }
}
