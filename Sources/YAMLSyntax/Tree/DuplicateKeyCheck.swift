/// YAML requires the keys of a mapping to be unique; this finds the first scalar key that repeats.
///
/// Keys compare by content, and a plain key that reads as a number, bool or null differs from
/// the quoted string with the same text (`1` and `"1"` are two keys). Plain one-line keys, by
/// far the most common, compare their bytes in place.
enum DuplicateKeyCheck {
    private struct Key: Hashable {
        var content: ArraySlice<UInt8>
        var typed: Bool
    }

    static func check(_ tree: SyntaxTree) -> ParseFailure? {
        var keys: [(key: Key, node: Int)] = []
        var seen: [Key: Int] = [:]
        for node in 0..<tree.nodeCount where tree.kinds[node] == .mapping {
            keys.removeAll(keepingCapacity: true)
            let end = Int(tree.aux[node])
            var child = node + 1
            while child < end {
                if tree.kinds[child] == .scalar && tree.starts[child] != tree.ends[child] {
                    keys.append((key(child, tree), child))
                }
                child = tree.subtreeEnd(tree.subtreeEnd(child))
            }
            if keys.count < 2 { continue }
            if keys.count <= 16 {
                for i in 1..<keys.count {
                    for j in 0..<i where keys[j].key == keys[i].key {
                        return failure(keys[i].node, keys[j].node, tree)
                    }
                }
            } else {
                seen.removeAll(keepingCapacity: true)
                for (key, node) in keys {
                    if let first = seen.updateValue(node, forKey: key) {
                        return failure(node, first, tree)
                    }
                }
            }
        }
        return nil
    }

    private static func key(_ node: Int, _ tree: SyntaxTree) -> Key {
        let start = Int(tree.starts[node])
        let end = Int(tree.ends[node])
        let style = tree.style(node)
        if style == .plain && tree.nodeProperties(node) == nil {
            let raw = tree.bytes[start..<end]
            if let first = raw.first, !raw.contains(where: Bytes.isBreak) {
                return Key(content: raw, typed: mayReadAsNonString(first) && isTyped(raw))
            }
        }
        let scalar = YAMLNode(tree: tree, index: node)
        let text = scalar.scalar ?? ""
        let typed: Bool
        if case .string = CoreSchema.resolve(text, plain: style == .plain, tag: scalar.tag) {
            typed = false
        } else {
            typed = true
        }
        return Key(content: ArraySlice(text.utf8), typed: typed)
    }

    /// Plain scalars that are not strings start with one of these.
    private static func mayReadAsNonString(_ c: UInt8) -> Bool {
        Bytes.isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "~") || c == UInt8(ascii: "n") || c == UInt8(ascii: "N")
            || c == UInt8(ascii: "t")
            || c == UInt8(ascii: "T") || c == UInt8(ascii: "f") || c == UInt8(ascii: "F")
    }

    private static func isTyped(_ raw: ArraySlice<UInt8>) -> Bool {
        if case .string = CoreSchema.resolvePlain(String(decoding: raw, as: UTF8.self)) { return false }
        return true
    }

    private static func failure(_ node: Int, _ first: Int, _ tree: SyntaxTree) -> ParseFailure {
        let key = YAMLNode(tree: tree, index: node)
        let value = CoreSchema.resolve(key.scalar ?? "", plain: tree.style(node) == .plain, tag: key.tag)
        let line = tree.mark(at: Int(tree.starts[first])).line
        return ParseFailure(
            offset: Int(tree.starts[node]), message: "duplicate key \(value) (first defined at line \(line))")
    }
}
