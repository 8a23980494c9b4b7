extension YAMLFile {
    /// The file printed from its tree: the trivia (indentation, indicators, comments, line breaks)
    /// between nodes, then each scalar's and alias's own text, in document order. For a file that
    /// parsed, this is `bytes`, byte for byte.
    public func printed() -> [UInt8] {
        let b = tree.bytes
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var cursor = 0
        b.withUnsafeBufferPointer { buffer in
            for node in 0..<tree.nodeCount where tree.kinds[node] == .scalar || tree.kinds[node] == .alias {
                let start = Int(tree.starts[node])
                let end = Int(tree.ends[node])
                guard start < end, start >= cursor else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[cursor..<start]))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                cursor = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[cursor...]))
        }
        return out
    }
}
