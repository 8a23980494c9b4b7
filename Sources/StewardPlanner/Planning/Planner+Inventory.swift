import Kubernetes

extension Planner {
    /// Reads the repository tree and renders every target: where each container field is defined.
    ///
    /// Files that do not parse and targets that cannot be rendered are problems of the
    /// inventory, reported in the plan; only a tree that cannot be read at all is an error.
    package func inventory(of tree: some FileTree, options: InventoryOptions) throws(StewardError) -> Inventory {
        do {
            return try Inventory(tree: tree, options: options)
        } catch {
            throw StewardError(error.description)
        }
    }
}
