/// A document of a file, as the unit that targets share.
struct DocumentKey: Hashable, Sendable, Comparable {
    var file: String
    var document: Int

    static func < (lhs: DocumentKey, rhs: DocumentKey) -> Bool {
        (lhs.file, lhs.document) < (rhs.file, rhs.document)
    }

    /// The keys sorted, each once.
    static func unique(_ keys: [DocumentKey]) -> [DocumentKey] {
        var sorted = keys.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted.swapAt(kept, index)
            kept += 1
        }
        sorted.removeSubrange(kept...)
        return sorted
    }
}

/// What rendering a folder gives: the resources, every document read to make them, and what
/// could not be rendered.
struct RenderOutput: Sendable {
    var resources: [RenderedResource] = []
    /// The documents read, in reading order; a document read twice (a base included by two
    /// kustomizations of the target) is listed twice: appending is cheaper than hashing, and
    /// the inventory's usage index counts each target once per document.
    var used: [DocumentKey] = []
    var problems: [InventoryProblem] = []

    mutating func append(_ other: RenderOutput) {
        // A target usually renders one source: taking its lists shares their storage (often a
        // cached build's) instead of copying, and retaining, every element.
        if resources.isEmpty { resources = other.resources } else { resources += other.resources }
        if used.isEmpty { used = other.used } else { used += other.used }
        if problems.isEmpty { problems = other.problems } else { problems += other.problems }
    }
}
