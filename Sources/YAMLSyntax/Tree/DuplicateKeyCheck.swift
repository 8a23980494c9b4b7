/// YAML requires the keys of a mapping to be unique; this finds the first scalar key that repeats.
enum DuplicateKeyCheck {
    static func check(_ tree: SyntaxTree) -> ParseFailure? {
        let mappingKind = YAMLNode.Kind.mapping.rawValue
        let scalarKind = YAMLNode.Kind.scalar.rawValue
        var keys: [(value: YAMLValue, offset: Int)] = []
        var seen: [YAMLValue: Int] = [:]
        for node in 0..<tree.nodeCount where tree.kinds[node] == mappingKind {
            keys.removeAll(keepingCapacity: true)
            let end = Int(tree.aux[node])
            var child = node + 1
            var isKey = true
            while child < end {
                if isKey && tree.kinds[child] == scalarKind && tree.starts[child] != tree.ends[child] {
                    keys.append((key(child, tree), Int(tree.starts[child])))
                }
                isKey.toggle()
                child = tree.subtreeEnd(child)
            }
            if keys.count < 2 { continue }
            if keys.count <= 16 {
                for i in 1..<keys.count {
                    for j in 0..<i where keys[j].value == keys[i].value {
                        return failure(keys[i].offset, keys[j].offset, keys[i].value, tree)
                    }
                }
            } else {
                seen.removeAll(keepingCapacity: true)
                for (value, offset) in keys {
                    if let first = seen.updateValue(offset, forKey: value) {
                        return failure(offset, first, value, tree)
                    }
                }
            }
        }
        return nil
    }

    private static func key(_ node: Int, _ tree: SyntaxTree) -> YAMLValue {
        let scalar = YAMLNode(tree: tree, index: node)
        return CoreSchema.resolve(scalar.scalar ?? "", plain: tree.style(node) == .plain, tag: scalar.tag)
    }

    private static func failure(_ offset: Int, _ first: Int, _ key: YAMLValue, _ tree: SyntaxTree)
        -> ParseFailure
    {
        ParseFailure(
            offset: offset,
            message: "duplicate key \(key) (first defined at line \(tree.mark(at: first).line))")
    }
}
