extension YAMLDocument {
    /// The node at a concrete path (`[k=v]` takes the first matching item), or nil.
    public func node(at path: YAMLPath) -> YAMLNode? {
        guard var node = root else { return nil }
        for component in path.components {
            node = resolveAlias(node)
            switch component {
            case .key(let key):
                guard let next = node[key] else { return nil }
                node = next
            case .index(let i):
                guard let item = node.item(at: i) else { return nil }
                node = item
            case .match(let key, let value):
                guard let next = node.items.first(where: { resolveAlias($0)[key]?.scalar == value }) else {
                    return nil
                }
                node = next
            case .wildcard:
                return nil
            }
        }
        return resolveAlias(node)
    }

    /// Every node the path reaches, with its concrete path (`[*]` and `[k=v]` become `[N]`).
    public func nodes(at path: YAMLPath) -> [(path: YAMLPath, node: YAMLNode)] {
        guard let root else { return [] }
        var current: [(path: YAMLPath, node: YAMLNode)] = [(YAMLPath([]), resolveAlias(root))]
        for component in path.components {
            var next: [(path: YAMLPath, node: YAMLNode)] = []
            for (p, node) in current {
                switch component {
                case .key(let key):
                    if let child = node[key] { next.append((p.appending(.key(key)), resolveAlias(child))) }
                case .index(let i):
                    if let item = node.item(at: i) {
                        next.append((p.appending(.index(i)), resolveAlias(item)))
                    }
                case .match(let key, let value):
                    for (i, item) in node.items.enumerated() where resolveAlias(item)[key]?.scalar == value {
                        next.append((p.appending(.index(i)), resolveAlias(item)))
                    }
                case .wildcard:
                    for (i, item) in node.items.enumerated() {
                        next.append((p.appending(.index(i)), resolveAlias(item)))
                    }
                }
            }
            current = next
        }
        return current
    }

    /// The anchored node an alias refers to (the last anchor of that name before it).
    func resolveAlias(_ node: YAMLNode) -> YAMLNode {
        guard node.kind == .alias, let name = node.anchor else { return node }
        let nameBytes = Array(name.utf8)
        var best: Int?
        for (index, props) in tree.properties where Int(index) < node.index {
            if let range = props.anchor, tree.bytes[range].elementsEqual(nameBytes), Int(index) > (best ?? -1)
            {
                best = Int(index)
            }
        }
        return best.map { YAMLNode(tree: tree, index: $0) } ?? node
    }

    /// Every scalar's concrete path, in document order (keys of mappings are not listed).
    public var scalarPaths: [(path: YAMLPath, node: YAMLNode)] {
        guard let root else { return [] }
        var result: [(path: YAMLPath, node: YAMLNode)] = []
        collectScalars(root, YAMLPath([]), into: &result)
        return result
    }

    private func collectScalars(
        _ node: YAMLNode, _ path: YAMLPath, into result: inout [(path: YAMLPath, node: YAMLNode)]
    ) {
        switch node.kind {
        case .scalar, .alias:
            result.append((path, node))
        case .mapping:
            for (key, value) in node.entries {
                collectScalars(value, path.appending(.key(key.scalar ?? key.source)), into: &result)
            }
        case .sequence:
            for (i, item) in node.items.enumerated() {
                collectScalars(item, path.appending(.index(i)), into: &result)
            }
        }
    }
}
