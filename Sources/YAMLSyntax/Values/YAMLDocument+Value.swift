extension YAMLDocument {
    /// The document's data under the YAML 1.2 core schema, with aliases expanded.
    public var value: YAMLValue {
        guard let root else { return .null }
        var anchors: [String: YAMLValue] = [:]
        return ValueBuilder.value(of: root.index, in: tree, anchors: &anchors)
    }
}

extension YAMLNode {
    /// The node's data under the YAML 1.2 core schema; aliases inside it are expanded when their
    /// anchor lies inside it too, and read as null otherwise.
    public var value: YAMLValue {
        var anchors: [String: YAMLValue] = [:]
        return ValueBuilder.value(of: index, in: tree, anchors: &anchors)
    }
}

/// Converts a subtree to data, in document order so that each alias finds its anchor.
enum ValueBuilder {
    static func value(of index: Int, in tree: SyntaxTree, anchors: inout [String: YAMLValue]) -> YAMLValue {
        let node = YAMLNode(tree: tree, index: index)
        let result: YAMLValue
        switch node.kind {
        case .alias:
            return anchors[node.anchor ?? ""] ?? .null
        case .scalar:
            result = CoreSchema.resolve(node.scalar ?? "", plain: tree.style(index) == .plain, tag: node.tag)
        case .sequence:
            result = .sequence(tree.children(index).map { value(of: $0, in: tree, anchors: &anchors) })
        case .mapping:
            let children = tree.children(index)
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(children.count / 2)
            var i = 0
            while i + 1 < children.count {
                let key = value(of: children[i], in: tree, anchors: &anchors)
                let value = value(of: children[i + 1], in: tree, anchors: &anchors)
                pairs.append(YAMLPair(key: key, value: value))
                i += 2
            }
            result = .mapping(pairs)
        }
        if let anchor = tree.nodeProperties(index)?.anchor {
            anchors[String(decoding: tree.bytes[anchor], as: UTF8.self)] = result
        }
        return result
    }
}
