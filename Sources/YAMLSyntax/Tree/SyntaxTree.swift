/// The lossless syntax tree of one file: the bytes, and every node as a row of flat arrays
/// in document order (a node's children follow it; `aux` says where its subtree ends).
///
/// Rows are small (kind, style, start, end, aux) and text is never copied: a scalar's content
/// is decoded from its bytes on demand. Anchors and tags are rare and live in a side table.
final class SyntaxTree: Sendable {
    let bytes: [UInt8]
    let kinds: [YAMLNode.Kind]
    let styles: [UInt8]
    let starts: [Int32]
    let ends: [Int32]
    /// For a collection, the index after its subtree; for a block scalar, its content indentation.
    let aux: [Int32]
    let properties: [Int32: NodeProperties]
    let documents: [DocumentInfo]
    /// Byte offset of the start of every line, for line and column numbers.
    let lineStarts: [Int32]

    init(bytes: [UInt8], builder: TreeBuilder, lineStarts: [Int32]) {
        self.bytes = bytes
        self.kinds = builder.kinds
        self.styles = builder.styles
        self.starts = builder.starts
        self.ends = builder.ends
        self.aux = builder.aux
        self.properties = builder.properties
        self.documents = builder.documents
        self.lineStarts = lineStarts
    }

    var nodeCount: Int { kinds.count }

    func kind(_ node: Int) -> YAMLNode.Kind { kinds[node] }

    /// Set in a row's style byte when the node has an anchor or a tag, so that the side table is
    /// only consulted for such nodes.
    static let hasPropertiesFlag: UInt8 = 0x80

    func style(_ node: Int) -> NodeStyle {
        // swift-format-ignore: NeverForceUnwrap
        // TreeBuilder writes every style byte from a NodeStyle, adding only the flag masked off here.
        NodeStyle(rawValue: styles[node] & ~Self.hasPropertiesFlag)!
    }

    /// The anchor and tag of a node, if it has either.
    func nodeProperties(_ node: Int) -> NodeProperties? {
        styles[node] & Self.hasPropertiesFlag == 0 ? nil : properties[Int32(node)]
    }

    /// The index after `node`'s subtree.
    @inline(__always) func subtreeEnd(_ node: Int) -> Int {
        kinds[node] == .mapping || kinds[node] == .sequence ? Int(aux[node]) : node + 1
    }

    /// The direct children of a collection, in order (keys and values alternate in a mapping).
    func children(_ node: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(childCount(node))
        let end = subtreeEnd(node)
        var child = node + 1
        while child < end {
            result.append(child)
            child = subtreeEnd(child)
        }
        return result
    }

    /// How many direct children a collection has (keys and values count apart), so that lists
    /// of them are allocated once rather than grown.
    func childCount(_ node: Int) -> Int {
        let end = subtreeEnd(node)
        var count = 0
        var child = node + 1
        while child < end {
            count += 1
            child = subtreeEnd(child)
        }
        return count
    }

    /// The first entry of the mapping `node` whose key is a scalar with the content `key`, as the
    /// positions of its key and value; nil when there is none or `node` is not a mapping.
    ///
    /// Every lookup of a field goes through here, so the key's bytes are read once and compared
    /// with each key's source bytes without building a node or decoding a string.
    func entry(of node: Int, forKey key: String) -> (key: Int, value: Int)? {
        guard kinds[node] == .mapping else { return nil }
        // Read in place: a copy of `key` to call `withUTF8` would retain it on every lookup.
        let found = key.utf8.withContiguousStorageIfAvailable { keyBytes in
            entry(of: node, forKeyBytes: keyBytes, key)
        }
        return found ?? Array(key.utf8).withUnsafeBufferPointer { entry(of: node, forKeyBytes: $0, key) }
    }

    private func entry(of node: Int, forKeyBytes keyBytes: UnsafeBufferPointer<UInt8>, _ key: String)
        -> (key: Int, value: Int)?
    {
        let end = Int(aux[node])
        var child = node + 1
        while child < end {
            let value = subtreeEnd(child)
            guard value < end else { return nil }
            if keyMatches(child, keyBytes, key) { return (child, value) }
            child = subtreeEnd(value)
        }
        return nil
    }

    /// Whether `node` is a scalar whose content is `key` (whose UTF-8 is `keyBytes`); plain
    /// one-line keys compare bytes, without decoding.
    private func keyMatches(_ node: Int, _ keyBytes: UnsafeBufferPointer<UInt8>, _ key: String) -> Bool {
        guard kinds[node] == .scalar else { return false }
        if styles[node] & ~Self.hasPropertiesFlag == NodeStyle.plain.rawValue {
            var i = Int(starts[node])
            let end = Int(ends[node])
            var j = 0
            while i < end {
                let c = bytes[i]
                if Bytes.isBreak(c) { return YAMLNode(tree: self, index: node).scalar == key }
                guard j < keyBytes.count, keyBytes[j] == c else { return false }
                i += 1
                j += 1
            }
            return j == keyBytes.count
        }
        return YAMLNode(tree: self, index: node).scalar == key
    }

    /// Line (1-based), column (1-based, in Unicode scalars) and offset of a byte offset.
    func mark(at offset: Int) -> YAMLMark {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = Int(lineStarts[low])
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        if i < offset { column += offset - i }
        return YAMLMark(line: low + 1, column: column, offset: offset)
    }
}
