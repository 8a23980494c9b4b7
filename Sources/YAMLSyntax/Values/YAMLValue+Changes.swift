extension YAMLValue {
    /// Every changed leaf or subtree between two values, each with its path: a key added or
    /// removed, a scalar changed, an item added or removed at the end, a collection replaced.
    public static func changes(from old: YAMLValue, to new: YAMLValue) -> [YAMLChange] {
        var result: [YAMLChange] = []
        collect(old, new, at: YAMLPath([]), into: &result)
        return result
    }

    private static func collect(
        _ old: YAMLValue, _ new: YAMLValue, at path: YAMLPath, into result: inout [YAMLChange]
    ) {
        if old == new { return }
        switch (old, new) {
        case (.mapping(let a), .mapping(let b)):
            var newIndex: [YAMLValue: Int] = [:]
            for (i, pair) in b.enumerated() where newIndex[pair.key] == nil { newIndex[pair.key] = i }
            var seen = Set<YAMLValue>()
            for pair in a where seen.insert(pair.key).inserted {
                let child = path.appending(.key(pair.key.keyText))
                if let j = newIndex[pair.key] {
                    collect(pair.value, b[j].value, at: child, into: &result)
                } else {
                    result.append(YAMLChange(path: child, old: pair.value, new: nil))
                }
            }
            for pair in b where !seen.contains(pair.key) {
                seen.insert(pair.key)
                result.append(
                    YAMLChange(path: path.appending(.key(pair.key.keyText)), old: nil, new: pair.value))
            }
        case (.sequence(let a), .sequence(let b)):
            for i in 0..<max(a.count, b.count) {
                let child = path.appending(.index(i))
                if i < a.count && i < b.count {
                    collect(a[i], b[i], at: child, into: &result)
                } else if i < a.count {
                    result.append(YAMLChange(path: child, old: a[i], new: nil))
                } else {
                    result.append(YAMLChange(path: child, old: nil, new: b[i]))
                }
            }
        default:
            result.append(YAMLChange(path: path, old: old, new: new))
        }
    }

    /// A key as a path component: its scalar text, or a flow rendering for a collection key.
    var keyText: String {
        switch self {
        case .null: return ""
        case .sequence, .mapping: return description
        default: return scalarText ?? ""
        }
    }

    /// Every path under this value that ends at a scalar, null or empty collection.
    func leafPaths(under path: YAMLPath) -> [YAMLPath] {
        switch self {
        case .mapping(let pairs) where !pairs.isEmpty:
            return pairs.flatMap { $0.value.leafPaths(under: path.appending(.key($0.key.keyText))) }
        case .sequence(let items) where !items.isEmpty:
            return items.enumerated().flatMap {
                $0.element.leafPaths(under: path.appending(.index($0.offset)))
            }
        default:
            return [path]
        }
    }
}
