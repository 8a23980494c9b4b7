/// The lossless syntax tree of one file: the bytes, and every node as a row of flat arrays
/// in document order (a node's children follow it; `aux` says where its subtree ends).
///
/// Rows are small (kind, style, start, end, aux) and text is never copied: a scalar's content
/// is decoded from its bytes on demand. Anchors and tags are rare and live in a side table.
final class SyntaxTree: Sendable {
    let bytes: [UInt8]
    let kinds: [UInt8]
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

    func kind(_ node: Int) -> YAMLNode.Kind { YAMLNode.Kind(rawValue: kinds[node])! }

    /// Set in a row's style byte when the node has an anchor or a tag, so that the side table is
    /// only consulted for such nodes.
    static let hasPropertiesFlag: UInt8 = 0x80

    func style(_ node: Int) -> NodeStyle { NodeStyle(rawValue: styles[node] & ~Self.hasPropertiesFlag)! }

    /// The anchor and tag of a node, if it has either.
    func nodeProperties(_ node: Int) -> NodeProperties? {
        styles[node] & Self.hasPropertiesFlag == 0 ? nil : properties[Int32(node)]
    }

    /// The index after `node`'s subtree.
    func subtreeEnd(_ node: Int) -> Int {
        kinds[node] == YAMLNode.Kind.mapping.rawValue || kinds[node] == YAMLNode.Kind.sequence.rawValue
            ? Int(aux[node]) : node + 1
    }

    /// The direct children of a collection, in order (keys and values alternate in a mapping).
    func children(_ node: Int) -> [Int] {
        var result: [Int] = []
        let end = subtreeEnd(node)
        var child = node + 1
        while child < end {
            result.append(child)
            child = subtreeEnd(child)
        }
        return result
    }

    /// Whether `node` is a scalar whose content is `key`; plain one-line keys compare bytes, without decoding.
    func keyMatches(_ node: Int, _ key: String) -> Bool {
        guard kinds[node] == YAMLNode.Kind.scalar.rawValue else { return false }
        let start = Int(starts[node])
        let end = Int(ends[node])
        if style(node) == .plain {
            var utf8 = key.utf8.makeIterator()
            var i = start
            while i < end {
                let c = bytes[i]
                if Bytes.isBreak(c) { return YAMLNode(tree: self, index: node).scalar == key }
                guard utf8.next() == c else { return false }
                i += 1
            }
            return utf8.next() == nil
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
