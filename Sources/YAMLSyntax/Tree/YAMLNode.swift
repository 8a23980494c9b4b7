/// A node of a parsed file: a scalar, a mapping, a sequence or an alias, with its exact byte
/// range. A cheap view (the tree and an index); copying it copies no text.
public struct YAMLNode: Sendable {
    /// What a node is.
    public enum Kind: UInt8, Sendable, Hashable {
        case scalar
        case mapping
        case sequence
        case alias
    }

    /// How a node is written in the source.
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
        case blockMapping
        case blockSequence
        case flowMapping
        case flowSequence
    }

    let tree: SyntaxTree
    let index: Int

    init(tree: SyntaxTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    public var kind: Kind { tree.kind(index) }

    public var style: Style {
        switch (tree.kind(index), tree.style(index)) {
        case (.mapping, .flow): return .flowMapping
        case (.mapping, _): return .blockMapping
        case (.sequence, .flow): return .flowSequence
        case (.sequence, _): return .blockSequence
        case (_, .singleQuoted): return .singleQuoted
        case (_, .doubleQuoted): return .doubleQuoted
        case (_, .literal): return .literal
        case (_, .folded): return .folded
        default: return .plain
        }
    }

    /// The decoded content of a scalar (quotes, escapes, folding and chomping applied); nil otherwise.
    public var scalar: String? {
        guard kind == .scalar else { return nil }
        return tree.bytes.withUnsafeBufferPointer { buffer in
            ScalarDecoder.decode(
                buffer, start: Int(tree.starts[index]), end: Int(tree.ends[index]), style: tree.style(index),
                indent: Int(tree.aux[index]))
        }
    }

    /// The resolved tag (`tag:yaml.org,2002:str`, `!local`, `!` for the non-specific tag), if written.
    public var tag: String? { tree.nodeProperties(index)?.tag }

    /// The anchor's name, if the node has one; for an alias, the name it refers to.
    public var anchor: String? {
        if kind == .alias {
            return String(
                decoding: tree.bytes[(byteRange.lowerBound + 1)..<byteRange.upperBound], as: UTF8.self)
        }
        guard let range = tree.nodeProperties(index)?.anchor else { return nil }
        return String(decoding: tree.bytes[range], as: UTF8.self)
    }

    /// Where the node's own text starts (after its anchor and tag).
    public var start: YAMLMark { tree.mark(at: Int(tree.starts[index])) }

    /// The bytes of the node itself: a scalar with its quotes or block header, a collection from
    /// its first entry (or bracket) to the end of its last; not its anchor and tag.
    public var byteRange: Range<Int> { Int(tree.starts[index])..<Int(tree.ends[index]) }

    /// Where the node's anchor or tag starts, or its own start when it has neither.
    public var propertiesStart: Int { tree.nodeProperties(index)?.start ?? Int(tree.starts[index]) }

    /// The source text of the node (its `byteRange`).
    public var source: String { String(decoding: tree.bytes[byteRange], as: UTF8.self) }

    /// Whether the node is an empty (omitted) scalar, such as the value of `key:`.
    public var isEmpty: Bool { kind == .scalar && tree.starts[index] == tree.ends[index] }

    /// The value of the first entry whose key is a scalar with this content.
    public subscript(key: String) -> YAMLNode? {
        tree.entry(of: index, forKey: key).map { YAMLNode(tree: tree, index: $0.value) }
    }

    /// The first entry whose key is a scalar with this content.
    func entry(forKey key: String) -> (key: YAMLNode, value: YAMLNode)? {
        tree.entry(of: index, forKey: key).map {
            (YAMLNode(tree: tree, index: $0.key), YAMLNode(tree: tree, index: $0.value))
        }
    }

    /// The item at `position` of a sequence, without building the list of items.
    func item(at position: Int) -> YAMLNode? {
        guard kind == .sequence, position >= 0 else { return nil }
        let end = tree.subtreeEnd(index)
        var child = index + 1
        var i = 0
        while child < end {
            if i == position { return YAMLNode(tree: tree, index: child) }
            child = tree.subtreeEnd(child)
            i += 1
        }
        return nil
    }

    /// A mapping's entries, in order.
    public var entries: [(key: YAMLNode, value: YAMLNode)] {
        guard kind == .mapping else { return [] }
        var result: [(key: YAMLNode, value: YAMLNode)] = []
        result.reserveCapacity(tree.childCount(index) / 2)
        let end = tree.subtreeEnd(index)
        var child = index + 1
        while child < end {
            let value = tree.subtreeEnd(child)
            guard value < end else { break }
            result.append((YAMLNode(tree: tree, index: child), YAMLNode(tree: tree, index: value)))
            child = tree.subtreeEnd(value)
        }
        return result
    }

    /// A sequence's items, in order.
    public var items: [YAMLNode] {
        guard kind == .sequence else { return [] }
        var result: [YAMLNode] = []
        result.reserveCapacity(tree.childCount(index))
        let end = tree.subtreeEnd(index)
        var child = index + 1
        while child < end {
            result.append(YAMLNode(tree: tree, index: child))
            child = tree.subtreeEnd(child)
        }
        return result
    }
}
