/// Turns a scalar's source bytes into its content: line folding, quote and escape processing,
/// block scalar indentation and chomping. Runs on demand, so parsing never copies text.
enum ScalarDecoder {
    static func hexValue(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        default: return c - 0x61 + 10
        }
    }

    /// Decodes `%XX` escapes (of a tag) and reads the result as UTF-8.
    static func percentDecoded(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") && i + 2 < bytes.count {
                out.append(hexValue(bytes[i + 1]) << 4 | hexValue(bytes[i + 2]))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The content of the scalar written as `bytes[start..<end]` in `style`.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, style: NodeStyle, indent: Int
    ) -> String {
        switch style {
        case .plain:
            if !containsBreak(bytes, start, end) {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            return String(decoding: folded(bytes, start, end, quote: .none), as: UTF8.self)
        case .singleQuoted:
            return String(decoding: folded(bytes, start + 1, end - 1, quote: .single), as: UTF8.self)
        case .doubleQuoted:
            return String(decoding: folded(bytes, start + 1, end - 1, quote: .double), as: UTF8.self)
        case .literal, .folded:
            return String(decoding: blockScalar(bytes, start: start, end: end, indent: indent), as: UTF8.self)
        case .block, .flow:
            return ""
        }
    }

    private static func containsBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if Bytes.isBreak(bytes[i]) { return true }
            i += 1
        }
        return false
    }

    private enum Quote {
        case none
        case single
        case double
    }

    /// Flow folding: trailing blanks before a break go, a single break becomes a space, each
    /// empty line a newline, and the next line's leading blanks go.
    private static func folded(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, quote: Quote)
        -> [UInt8]
    {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let c = b[i]
            if c == Bytes.space || c == Bytes.tab {
                var j = i
                while j < end && (b[j] == Bytes.space || b[j] == Bytes.tab) { j += 1 }
                if j < end && Bytes.isBreak(b[j]) {
                    i = j
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                    i = j
                }
            } else if Bytes.isBreak(c) {
                i = skipBreak(b, i)
                var empty = 0
                while true {
                    var j = i
                    while j < end && (b[j] == Bytes.space || b[j] == Bytes.tab) { j += 1 }
                    if j < end && Bytes.isBreak(b[j]) {
                        empty += 1
                        i = skipBreak(b, j)
                    } else {
                        i = j
                        break
                    }
                }
                if empty == 0 {
                    out.append(Bytes.space)
                } else {
                    out.append(contentsOf: repeatElement(Bytes.lineFeed, count: empty))
                }
            } else if quote == .single && c == UInt8(ascii: "'") {
                out.append(c)
                i += 2
            } else if quote == .double && c == UInt8(ascii: "\\") {
                i = unescape(b, i, end, into: &out)
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    @inline(__always) private static func skipBreak(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        b[i] == Bytes.carriageReturn && i + 1 < b.count && b[i + 1] == Bytes.lineFeed ? i + 2 : i + 1
    }

    /// Decodes the escape at `i` (a backslash) into `out`; returns the offset after it.
    private static func unescape(
        _ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, into out: inout [UInt8]
    ) -> Int {
        let c = b[i + 1]
        var scalar: UInt32
        switch c {
        case UInt8(ascii: "0"): scalar = 0
        case UInt8(ascii: "a"): scalar = 7
        case UInt8(ascii: "b"): scalar = 8
        case UInt8(ascii: "t"), Bytes.tab: scalar = 9
        case UInt8(ascii: "n"): scalar = 10
        case UInt8(ascii: "v"): scalar = 11
        case UInt8(ascii: "f"): scalar = 12
        case UInt8(ascii: "r"): scalar = 13
        case UInt8(ascii: "e"): scalar = 0x1B
        case UInt8(ascii: "N"): scalar = 0x85
        case UInt8(ascii: "_"): scalar = 0xA0
        case UInt8(ascii: "L"): scalar = 0x2028
        case UInt8(ascii: "P"): scalar = 0x2029
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
            scalar = 0
            for k in 0..<digits { scalar = scalar << 4 | UInt32(hexValue(b[i + 2 + k])) }
            appendUTF8(scalar, to: &out)
            return i + 2 + digits
        case Bytes.lineFeed, Bytes.carriageReturn:
            var j = skipBreak(b, i + 1)
            while true {
                var k = j
                while k < end && (b[k] == Bytes.space || b[k] == Bytes.tab) { k += 1 }
                if k < end && Bytes.isBreak(b[k]) {
                    out.append(Bytes.lineFeed)
                    j = skipBreak(b, k)
                } else {
                    return k
                }
            }
        default:
            scalar = UInt32(c)
        }
        appendUTF8(scalar, to: &out)
        return i + 2
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        if let s = Unicode.Scalar(scalar) {
            out.append(contentsOf: Array(String(Character(s)).utf8))
        }
    }

    // MARK: Block scalars

    private struct Line {
        var start: Int
        var end: Int
        var empty: Bool
    }

    /// Literal or folded content; `start` is the `|` or `>`, `end` the end of the last content line.
    private static func blockScalar(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int, indent: Int)
        -> [UInt8]
    {
        let isLiteral = b[start] == UInt8(ascii: "|")
        var chomping = 0
        var i = start + 1
        while i < b.count && !Bytes.isBlankOrBreakOrEnd(b[i]) {
            if b[i] == UInt8(ascii: "-") { chomping = -1 }
            if b[i] == UInt8(ascii: "+") { chomping = 1 }
            i += 1
        }
        while i < b.count && !Bytes.isBreak(b[i]) { i += 1 }
        var lines: [Line] = []
        if i < end {
            i = skipBreak(b, i)
            while i <= end {
                let lineStart = i
                var lineEnd = i
                while lineEnd < end && !Bytes.isBreak(b[lineEnd]) { lineEnd += 1 }
                var contentStart = lineStart
                while contentStart < lineEnd && contentStart - lineStart < indent
                    && b[contentStart] == Bytes.space
                {
                    contentStart += 1
                }
                lines.append(Line(start: contentStart, end: lineEnd, empty: contentStart == lineEnd))
                if lineEnd >= end { break }
                i = skipBreak(b, lineEnd)
            }
        }
        while let last = lines.last, last.empty { lines.removeLast() }
        var trailing = 0
        var j = lines.isEmpty ? i : end
        if j < b.count && Bytes.isBreak(b[j]) {
            j = skipBreak(b, j)
            while j < b.count {
                var k = j
                while k < b.count && b[k] == Bytes.space { k += 1 }
                if k < b.count && Bytes.isBreak(b[k]) {
                    trailing += 1
                    j = skipBreak(b, k)
                } else {
                    // A last line of spaces ends the stream as if it had its line break.
                    if k == b.count && k > j { trailing += 1 }
                    break
                }
            }
        }
        var out: [UInt8] = []
        var previousMoreIndented: Bool? = nil
        var empty = 0
        for line in lines {
            if line.empty {
                empty += 1
                continue
            }
            let moreIndented = Bytes.isBlank(b[line.start])
            if let previous = previousMoreIndented {
                if isLiteral {
                    out.append(contentsOf: repeatElement(Bytes.lineFeed, count: empty + 1))
                } else if !previous && !moreIndented {
                    if empty == 0 {
                        out.append(Bytes.space)
                    } else {
                        out.append(contentsOf: repeatElement(Bytes.lineFeed, count: empty))
                    }
                } else {
                    out.append(contentsOf: repeatElement(Bytes.lineFeed, count: empty + 1))
                }
            } else {
                out.append(contentsOf: repeatElement(Bytes.lineFeed, count: empty))
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[line.start..<line.end]))
            previousMoreIndented = moreIndented
            empty = 0
        }
        let hasContent = previousMoreIndented != nil
        switch chomping {
        case -1:
            break
        case 1:
            if hasContent && endsWithBreak(b, end) { out.append(Bytes.lineFeed) }
            out.append(contentsOf: repeatElement(Bytes.lineFeed, count: trailing))
        default:
            if hasContent && endsWithBreak(b, end) { out.append(Bytes.lineFeed) }
        }
        return out
    }

    /// Whether the last content line has a line break; a last line of blanks at the end of the
    /// stream counts as having one.
    private static func endsWithBreak(_ b: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        if end < b.count { return Bytes.isBreak(b[end]) }
        var i = end
        while i > 0 && Bytes.isBlank(b[i - 1]) { i -= 1 }
        return i < end && (i == 0 || Bytes.isBreak(b[i - 1]))
    }
}
