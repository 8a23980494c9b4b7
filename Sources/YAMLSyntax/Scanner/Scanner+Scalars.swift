extension Scanner {
    // MARK: Plain scalars

    /// Scans a plain scalar; its range ends at its last non-blank byte, and the whitespace and
    /// breaks after it are left for `scanToNextToken`.
    mutating func fetchPlainScalar() throws(ParseFailure) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        adjacentValueAllowed = false
        let start = pos
        var end = pos
        var endLine = line
        var endLineStart = lineStart
        let minimumIndent = indent + 1
        let inFlow = flowLevel > 0
        while true {
            if pos == lineStart && isDocumentMarker(at: pos) { break }
            if pos < count && base[pos] == UInt8(ascii: "#") { break }
            let runStart = pos
            while pos < count {
                let c = base[pos]
                // Letters and most punctuation sort above ':'; only brackets and braces among them matter.
                if c > UInt8(ascii: ":") {
                    if inFlow
                        && (c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
                            || c == UInt8(ascii: "}"))
                    {
                        break
                    }
                    pos += 1
                    continue
                }
                if c == Bytes.space || c == Bytes.tab || c == Bytes.lineFeed || c == Bytes.carriageReturn {
                    break
                }
                if c == UInt8(ascii: ":") {
                    let next = at(pos + 1)
                    if Bytes.isBlankOrBreakOrEnd(next) || (inFlow && Bytes.isFlowIndicator(next)) { break }
                } else if inFlow && Bytes.isFlowIndicator(c) {
                    break
                }
                pos += 1
            }
            if pos == runStart { break }
            end = pos
            endLine = line
            endLineStart = lineStart
            guard pos < count else { break }
            let c = base[pos]
            guard Bytes.isBlank(c) || Bytes.isBreak(c) else { break }
            var sawBreak = false
            var spaces = 0
            var sawTab = false
            while pos < count {
                let c = base[pos]
                if c == Bytes.space {
                    if !sawTab { spaces += 1 }
                    pos += 1
                } else if c == Bytes.tab {
                    sawTab = true
                    pos += 1
                } else if c == Bytes.lineFeed || c == Bytes.carriageReturn {
                    consumeBreak()
                    sawBreak = true
                    spaces = 0
                    sawTab = false
                } else {
                    break
                }
            }
            guard pos < count else { break }
            if sawBreak && (inFlow ? spaces <= indent && indent >= 0 : spaces < minimumIndent) { break }
        }
        pos = end
        line = endLine
        lineStart = endLineStart
        append(.scalar, start, end)
    }

    // MARK: Quoted scalars

    mutating func fetchQuotedScalar(single: Bool) throws(ParseFailure) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        adjacentValueAllowed = true
        let start = pos
        let quote = base[pos]
        pos += 1
        while true {
            guard pos < count else { throw unclosedQuote(start: start, single: single) }
            let c = base[pos]
            if c == quote {
                if single && at(pos + 1) == quote {
                    pos += 2
                    continue
                }
                pos += 1
                break
            }
            if c == UInt8(ascii: "\\") && !single {
                try scanEscape(start: start)
                continue
            }
            if Bytes.isBreak(c) {
                consumeBreak()
                try checkQuotedContinuation(start: start, single: single)
                continue
            }
            pos += 1
        }
        var token = Token(kind: .scalar, start: start, end: pos)
        token.style = single ? .singleQuoted : .doubleQuoted
        queue.append(token)
    }

    /// A continuation line of a quoted scalar: no document marker, and indented past the block.
    private mutating func checkQuotedContinuation(start: Int, single: Bool) throws(ParseFailure) {
        if isDocumentMarker(at: pos) {
            throw ParseFailure(offset: pos, message: "a document marker cannot appear inside a quoted scalar")
        }
        var spaces = 0
        while at(pos + spaces) == Bytes.space { spaces += 1 }
        var i = pos + spaces
        while Bytes.isBlank(at(i)) { i += 1 }
        if i >= count || Bytes.isBreak(at(i)) { return }
        if spaces <= indent {
            if !hasClosingQuote(from: pos, single: single) {
                throw unclosedQuote(start: start, single: single)
            }
            throw ParseFailure(
                offset: pos + spaces,
                message:
                    "a continuation line of a quoted scalar must be indented more than its block (column \(indent + 1))"
            )
        }
    }

    private func unclosedQuote(start: Int, single: Bool) -> ParseFailure {
        ParseFailure(
            offset: start,
            message:
                "unclosed \(single ? "single" : "double")-quoted scalar: missing closing \(single ? "'" : "\"")"
        )
    }

    /// Whether a closing quote follows anywhere (an unindented line then means bad indentation).
    private func hasClosingQuote(from offset: Int, single: Bool) -> Bool {
        var i = offset
        while i < count {
            let c = base[i]
            if c == UInt8(ascii: single ? "'" : "\"") { return true }
            if c == UInt8(ascii: "\\") && !single { i += 1 }
            i += 1
        }
        return false
    }

    /// Validates the escape sequence at `pos` (a backslash) and moves past it.
    private mutating func scanEscape(start escapeStart: Int) throws(ParseFailure) {
        let c = at(pos + 1)
        var hexDigits = 0
        switch c {
        case UInt8(ascii: "0"), UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "t"), Bytes.tab,
            UInt8(ascii: "n"), UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "r"), UInt8(ascii: "e"),
            Bytes.space, UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "N"),
            UInt8(ascii: "_"), UInt8(ascii: "L"), UInt8(ascii: "P"):
            pos += 2
            return
        case Bytes.lineFeed, Bytes.carriageReturn:
            pos += 1
            consumeBreak()
            try checkQuotedContinuation(start: escapeStart, single: false)
            return
        case UInt8(ascii: "x"): hexDigits = 2
        case UInt8(ascii: "u"): hexDigits = 4
        case UInt8(ascii: "U"): hexDigits = 8
        default:
            throw ParseFailure(offset: pos, message: "invalid escape sequence in a double-quoted scalar")
        }
        var value: UInt32 = 0
        for k in 0..<hexDigits {
            let h = at(pos + 2 + k)
            guard Bytes.isHexDigit(h) else {
                throw ParseFailure(
                    offset: pos,
                    message:
                        "invalid escape sequence: '\\\(Character(Unicode.Scalar(c)))' needs \(hexDigits) hexadecimal digits"
                )
            }
            value = value << 4 | UInt32(ScalarDecoder.hexValue(h))
        }
        if Unicode.Scalar(value) == nil {
            throw ParseFailure(offset: pos, message: "invalid escape sequence: not a Unicode scalar value")
        }
        pos += 2 + hexDigits
    }

    // MARK: Block scalars

    mutating func fetchBlockScalar(literal: Bool) throws(ParseFailure) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        adjacentValueAllowed = false
        let start = pos
        pos += 1
        var increment = 0
        var sawChomping = false
        for _ in 0..<2 {
            let c = at(pos)
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && !sawChomping {
                sawChomping = true
                pos += 1
            } else if Bytes.isDigit(c) && increment == 0 {
                if c == UInt8(ascii: "0") {
                    throw ParseFailure(
                        offset: pos, message: "a block scalar indentation indicator must be 1 to 9")
                }
                increment = Int(c - 0x30)
                pos += 1
            }
        }
        if pos < count && !Bytes.isBlankOrBreakOrEnd(base[pos]) {
            throw ParseFailure(
                offset: pos,
                message: "invalid block scalar header: expected '+', '-', a digit or a line break")
        }
        try expectLineEnd(after: "a block scalar header")
        pos = lineEnd(from: pos)
        var lastContentEnd = pos
        var lastContentLine = line
        var lastContentLineStart = lineStart
        guard pos < count else {
            return finishBlockScalar(start: start, end: pos, indent: max(indent + 1, 1), literal: literal)
        }
        consumeBreak()
        let parentIndent = indent
        var contentIndent = increment > 0 ? max(parentIndent, 0) + increment : 0
        if contentIndent == 0 {
            contentIndent = try detectBlockIndent(parentIndent: parentIndent)
        }
        while pos < count {
            let lineBegin = pos
            var spaces = 0
            while spaces < contentIndent && at(pos) == Bytes.space {
                pos += 1
                spaces += 1
            }
            guard pos < count else { break }
            let c = base[pos]
            if spaces == 0 && isDocumentMarker(at: pos) {
                pos = lineBegin
                break
            }
            if Bytes.isBreak(c) {
                consumeBreak()
                continue
            }
            if spaces < contentIndent {
                if c == Bytes.tab {
                    throw ParseFailure(
                        offset: pos, message: "a tab cannot be used to indent block scalar content")
                }
                pos = lineBegin
                break
            }
            pos = lineEnd(from: pos)
            lastContentEnd = pos
            lastContentLine = line
            lastContentLineStart = lineStart
            guard pos < count else { break }
            consumeBreak()
        }
        pos = lastContentEnd
        line = lastContentLine
        lineStart = lastContentLineStart
        finishBlockScalar(start: start, end: lastContentEnd, indent: contentIndent, literal: literal)
    }

    private mutating func finishBlockScalar(start: Int, end: Int, indent contentIndent: Int, literal: Bool) {
        var token = Token(kind: .scalar, start: start, end: end, aux: contentIndent)
        token.style = literal ? .literal : .folded
        queue.append(token)
    }

    /// The indentation of the first non-empty line; leading empty lines may not be longer.
    private func detectBlockIndent(parentIndent: Int) throws(ParseFailure) -> Int {
        var i = pos
        var longestEmpty = 0
        var longestEmptyOffset = pos
        let minimum = max(parentIndent + 1, 0)
        while i < count {
            let lineBegin = i
            while at(i) == Bytes.space { i += 1 }
            let spaces = i - lineBegin
            let c = at(i)
            if i >= count {
                longestEmpty = max(longestEmpty, spaces)
                break
            }
            if Bytes.isBreak(c) {
                if spaces > longestEmpty {
                    longestEmpty = spaces
                    longestEmptyOffset = lineBegin
                }
                i += (c == Bytes.carriageReturn && at(i + 1) == Bytes.lineFeed) ? 2 : 1
                continue
            }
            if c == Bytes.tab && spaces < minimum {
                throw ParseFailure(offset: i, message: "a tab cannot be used to indent block scalar content")
            }
            if spaces >= minimum && spaces < longestEmpty {
                throw ParseFailure(
                    offset: longestEmptyOffset,
                    message:
                        "a leading empty line of a block scalar is indented more than its first content line")
            }
            if spaces >= minimum && !(spaces == 0 && isDocumentMarker(at: lineBegin)) {
                return spaces
            }
            break
        }
        return max(longestEmpty, minimum, 1)
    }
}
