import YAMLSyntax

/// Splits the semantic changes of a document into changes of single leaves, so that a whole
/// block added at once (`resources:` with three values) is judged value by value.
enum LeafChanges {
    static func of(_ changes: [YAMLChange]) -> [YAMLChange] {
        changes.flatMap { change -> [YAMLChange] in
            let old = leaves(change.old, at: change.path)
            let new = leaves(change.new, at: change.path)
            var result: [YAMLChange] = []
            var seen = Set<YAMLPath>()
            for (path, value) in old {
                seen.insert(path)
                let replacement = new.first { $0.path == path }?.value
                if replacement != value {
                    result.append(YAMLChange(path: path, old: value, new: replacement))
                }
            }
            for (path, value) in new where !seen.contains(path) {
                result.append(YAMLChange(path: path, old: nil, new: value))
            }
            return result
        }
    }

    /// Every path under `value` that ends at a scalar, null or empty collection, in order.
    private static func leaves(_ value: YAMLValue?, at path: YAMLPath) -> [(path: YAMLPath, value: YAMLValue)]
    {
        switch value {
        case nil:
            return []
        case .mapping(let pairs)? where !pairs.isEmpty:
            return pairs.flatMap {
                leaves($0.value, at: path.appending(.key($0.key.scalarText ?? $0.key.description)))
            }
        case .sequence(let items)? where !items.isEmpty:
            return items.enumerated().flatMap { leaves($0.element, at: path.appending(.index($0.offset))) }
        case let leaf?:
            return [(path, leaf)]
        }
    }
}
