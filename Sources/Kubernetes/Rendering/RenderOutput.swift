/// A document of a file, as the unit that targets share.
struct DocumentKey: Hashable, Sendable, Comparable {
    var file: String
    var document: Int

    static func < (lhs: DocumentKey, rhs: DocumentKey) -> Bool {
        (lhs.file, lhs.document) < (rhs.file, rhs.document)
    }
}

/// What rendering a folder gives: the resources, every document read to make them, and what
/// could not be rendered.
struct RenderOutput: Sendable {
    var resources: [RenderedResource] = []
    var used: Set<DocumentKey> = []
    var problems: [InventoryProblem] = []

    mutating func append(_ other: RenderOutput) {
        resources += other.resources
        used.formUnion(other.used)
        problems += other.problems
    }
}
