extension YAMLNode {
    /// The comment after the node on its last line (`cpu: 1  # burst` gives `burst` for `1`),
    /// without `#` and surrounding blanks.
    public var trailingComment: String? {
        let b = tree.bytes
        var i = byteRange.upperBound
        let start = i
        while i < b.count && Bytes.isBlank(b[i]) { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "#"), i > start || start == 0 || Bytes.isBreak(b[start - 1])
        else {
            return nil
        }
        var end = i + 1
        while end < b.count && !Bytes.isBreak(b[end]) { end += 1 }
        return Self.commentText(b[(i + 1)..<end])
    }

    /// The comment lines directly above the node's first line (no blank line between), in
    /// order, without `#`; empty when something else precedes the node on its line.
    public var leadingComments: [String] {
        let b = tree.bytes
        var lineStart = propertiesStart
        while lineStart > 0 && Bytes.isBlank(b[lineStart - 1]) { lineStart -= 1 }
        if lineStart > 0 && !Bytes.isBreak(b[lineStart - 1]) {
            guard isKeyOrItemStart(lineStart) else { return [] }
            while lineStart > 0 && !Bytes.isBreak(b[lineStart - 1]) { lineStart -= 1 }
        }
        var comments: [String] = []
        while lineStart > 0 {
            var previousEnd = lineStart - 1
            if b[previousEnd] == Bytes.lineFeed && previousEnd > 0
                && b[previousEnd - 1] == Bytes.carriageReturn
            {
                previousEnd -= 1
            }
            var previousStart = previousEnd
            while previousStart > 0 && !Bytes.isBreak(b[previousStart - 1]) { previousStart -= 1 }
            var i = previousStart
            while i < previousEnd && Bytes.isBlank(b[i]) { i += 1 }
            guard i < previousEnd, b[i] == UInt8(ascii: "#") else { break }
            comments.append(Self.commentText(b[(i + 1)..<previousEnd]))
            lineStart = previousStart
        }
        return comments.reversed()
    }

    /// Whether only `- ` indicators and blanks precede `offset` on its line (a compact item's first key).
    private func isKeyOrItemStart(_ offset: Int) -> Bool {
        let b = tree.bytes
        var i = offset
        while i > 0 && !Bytes.isBreak(b[i - 1]) {
            let c = b[i - 1]
            guard Bytes.isBlank(c) || c == UInt8(ascii: "-") else { return false }
            i -= 1
        }
        return true
    }

    private static func commentText(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, Bytes.isBlank(first) { slice = slice.dropFirst() }
        while let last = slice.last, Bytes.isBlank(last) { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
