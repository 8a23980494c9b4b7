extension YAMLFile {
    /// The file with the replacements made (they must not overlap), parsed again.
    func spliced(_ replacements: [Replacement]) throws(YAMLError) -> YAMLFile {
        guard !replacements.isEmpty else { return self }
        let sorted = replacements.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        var out: [UInt8] = []
        let old = tree.bytes
        out.reserveCapacity(old.count + sorted.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for replacement in sorted {
            if replacement.range.lowerBound < cursor {
                throw error(
                    at: replacement.origin, "two edits change overlapping text; apply them one at a time")
            }
            out.append(contentsOf: old[cursor..<replacement.range.lowerBound])
            out.append(contentsOf: replacement.bytes)
            cursor = replacement.range.upperBound
        }
        out.append(contentsOf: old[cursor...])
        do {
            return try YAMLFile(bytes: out, path: path)
        } catch {
            let at = sorted.first?.origin ?? 0
            throw self.error(
                at: at,
                "the edit would make the file invalid YAML (\(error.message) at \(error.line):\(error.column)); nothing was written"
            )
        }
    }

    /// Offset of the start of the line holding `offset`.
    func lineStart(of offset: Int) -> Int {
        var i = offset
        while i > 0 && !Bytes.isBreak(tree.bytes[i - 1]) { i -= 1 }
        return i
    }

    /// Offset of the line break (or end of file) ending the line holding `offset`.
    func lineEnd(of offset: Int) -> Int {
        var i = offset
        while i < tree.bytes.count && !Bytes.isBreak(tree.bytes[i]) { i += 1 }
        return i
    }

    /// The offset after the line break at `lineEnd` (or the end of file).
    func afterBreak(_ lineEnd: Int) -> Int {
        let b = tree.bytes
        guard lineEnd < b.count else { return lineEnd }
        return b[lineEnd] == Bytes.carriageReturn && lineEnd + 1 < b.count && b[lineEnd + 1] == Bytes.lineFeed
            ? lineEnd + 2 : lineEnd + 1
    }

    /// The line break this file uses near `offset`: the one ending that line, else the first one, else LF.
    func newline(near offset: Int) -> String {
        let b = tree.bytes
        let end = lineEnd(of: offset)
        var i = end < b.count ? end : (b.firstIndex(where: Bytes.isBreak) ?? b.count)
        guard i < b.count else { return "\n" }
        if b[i] == Bytes.carriageReturn {
            i += 1
            return i < b.count && b[i] == Bytes.lineFeed ? "\r\n" : "\r"
        }
        return "\n"
    }

    /// Columns (bytes) from the line start to `offset`; indentation and indicators are ASCII.
    /// A byte order mark at the start of the file is not part of the first line's indentation.
    func column(of offset: Int) -> Int {
        let start = lineStart(of: offset)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        return offset - start - (start == 0 && tree.bytes.starts(with: bom) ? 3 : 0)
    }

    /// Whether only blanks precede `offset` on its line.
    func isFirstOnLine(_ offset: Int) -> Bool {
        var i = offset
        while i > 0 && Bytes.isBlank(tree.bytes[i - 1]) { i -= 1 }
        return i == 0 || Bytes.isBreak(tree.bytes[i - 1]) || (i == 3 && column(of: offset) == offset - 3)
    }
}
