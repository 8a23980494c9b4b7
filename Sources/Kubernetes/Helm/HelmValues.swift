import YAMLSyntax

/// A release's values: the layers Helm merges, lowest precedence first, read without merging.
/// A lookup walks from the highest layer down; a `null` deletes what lower layers set, as in Helm.
struct HelmValues: Sendable {
    struct Layer: Sendable {
        var meta: HelmValuesLayer
        /// The values' root node, nil for parameters.
        var node: YAMLNode?
        /// Names the document, or the string the values were parsed from.
        var context: DocumentContext
        /// Argo CD `helm.parameters`: a dotted values path, its value node and that node's path.
        var parameters: [(name: String, node: YAMLNode, path: YAMLPath)] = []
    }

    var layers: [Layer]

    /// The node that wins at `path` and the index of its layer, or nil when no layer sets it.
    func lookup(_ path: YAMLPath) -> (node: YAMLNode, layer: Int)? {
        let keys = path.components.compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        let dotted = keys.joined(separator: ".")
        for index in layers.indices.reversed() {
            let layer = layers[index]
            if layer.meta.kind == .parameters {
                if let parameter = layer.parameters.last(where: { $0.name == dotted }) {
                    return (parameter.node, index)
                }
                continue
            }
            guard var node = layer.node else { continue }
            var found = true
            for (depth, key) in keys.enumerated() {
                if node.kind == .scalar {
                    // An empty layer says nothing; a null (or any scalar) inside one replaces
                    // whatever lower layers hold below it.
                    if depth == 0 {
                        found = false
                        break
                    }
                    return nil
                }
                guard let child = node[key] else {
                    found = false
                    break
                }
                node = child
            }
            if found {
                return node.isNull ? nil : (node, index)
            }
        }
        return nil
    }

    /// The text of the scalar at `path`, or nil.
    func scalar(_ path: YAMLPath) -> String? {
        guard let node = lookup(path)?.node, node.kind == .scalar else { return nil }
        return node.scalar
    }

    /// Go template truthiness of the value at `path`: false for absent, false, 0, "" and empty
    /// collections.
    func isTruthy(_ path: YAMLPath) -> Bool {
        guard let node = lookup(path)?.node else { return false }
        switch node.kind {
        case .mapping: return !node.entries.isEmpty
        case .sequence: return !node.items.isEmpty
        default:
            switch node.value {
            case .bool(let value): return value
            case .int(let value): return value != 0
            case .float(let value): return value != 0
            case .string(let value): return !value.isEmpty
            default: return false
            }
        }
    }

    /// The location of the value at `path` in layer `index`.
    func location(_ path: YAMLPath, layer index: Int, node: YAMLNode) -> FieldLocation {
        let layer = layers[index]
        if layer.meta.kind == .parameters,
            let parameter = layer.parameters.last(where: { $0.node.byteRange == node.byteRange })
        {
            return layer.context.location(parameter.path, node)
        }
        return layer.context.location(YAMLPath(layer.meta.root.path.components + path.components), node)
    }
}
