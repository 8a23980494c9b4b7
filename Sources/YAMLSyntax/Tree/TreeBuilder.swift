/// Collects nodes in document order while the parser runs.
struct TreeBuilder {
    var kinds: [YAMLNode.Kind] = []
    var styles: [UInt8] = []
    var starts: [Int32] = []
    var ends: [Int32] = []
    var aux: [Int32] = []
    var properties: [Int32: NodeProperties] = [:]
    var documents: [DocumentInfo] = []
    /// End offset of the node completed last; a collection ends where its last child does.
    var lastEnd = 0

    init(estimatedNodes: Int) {
        kinds.reserveCapacity(estimatedNodes)
        styles.reserveCapacity(estimatedNodes)
        starts.reserveCapacity(estimatedNodes)
        ends.reserveCapacity(estimatedNodes)
        aux.reserveCapacity(estimatedNodes)
    }

    private mutating func add(
        _ kind: YAMLNode.Kind, _ style: NodeStyle, _ start: Int, _ end: Int, _ auxValue: Int,
        _ props: NodeProperties?
    ) -> Int {
        let index = kinds.count
        kinds.append(kind)
        styles.append(props == nil ? style.rawValue : style.rawValue | SyntaxTree.hasPropertiesFlag)
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
        aux.append(Int32(truncatingIfNeeded: auxValue))
        if let props { properties[Int32(index)] = props }
        return index
    }

    @discardableResult
    mutating func addScalar(_ token: Token, _ props: NodeProperties?) -> Int {
        lastEnd = token.end
        return add(.scalar, token.style, token.start, token.end, token.aux, props)
    }

    @discardableResult
    mutating func addEmpty(at offset: Int, _ props: NodeProperties? = nil) -> Int {
        lastEnd = max(lastEnd, offset)
        return add(.scalar, .plain, offset, offset, 0, props)
    }

    mutating func addAlias(_ token: Token) {
        lastEnd = token.end
        _ = add(.alias, .plain, token.start, token.end, 0, nil)
    }

    mutating func open(_ kind: YAMLNode.Kind, _ style: NodeStyle, at start: Int, _ props: NodeProperties?)
        -> Int
    {
        add(kind, style, start, start, 0, props)
    }

    /// Closes a collection at `end`, or where its last child ended.
    mutating func close(_ index: Int, end: Int? = nil) {
        let end = end ?? max(lastEnd, Int(starts[index]))
        ends[index] = Int32(truncatingIfNeeded: end)
        aux[index] = Int32(truncatingIfNeeded: kinds.count)
        lastEnd = end
    }
}
