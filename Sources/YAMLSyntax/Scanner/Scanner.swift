/// Turns UTF-8 bytes into YAML tokens, one at a time, keeping the byte range of each.
///
/// The design follows the classic simple-key scanner (a queue of tokens into which `KEY` and
/// block-collection starts are inserted once a `:` shows that a scalar was a key), with the
/// YAML 1.2 rules on tabs, comments, document markers and flow indentation that the classic
/// design leaves out. It reads through a raw pointer: the caller keeps the bytes alive.
struct Scanner {
    /// A place where a simple key might start, waiting for a `:` on the same line.
    struct SimpleKey {
        var possible = false
        var required = false
        /// Set when a candidate spanned lines; a `:` after it is an error, not an empty key.
        var stale = false
        var tokenNumber = 0
        var offset = 0
        var line = 0
        var column = 0
        /// Tabs preceded it in the line's indentation, so it cannot start a block mapping.
        var afterTab = false
    }

    let base: UnsafePointer<UInt8>
    let count: Int

    var pos = 0
    var line = 0
    var lineStart = 0
    var flowLevel = 0
    /// The flow levels that are sequences, where an implicit key must stay on one line.
    var flowSequenceLevels: [Int] = []
    var indent = -1
    var indents: [Int] = []
    var simpleKeyAllowed = false
    var simpleKeys: [SimpleKey] = []
    var queue: [Token] = []
    var head = 0
    var tokensParsed = 0
    var streamStartProduced = false
    /// After a JSON-like node in a flow collection, `:` is a value indicator even when glued.
    var adjacentValueAllowed = false
    /// The whitespace right before the current token held a tab.
    var tabBeforeToken = false
    /// The current token is the first on its line and its indentation held a tab.
    var tabInIndentation = false
    /// The current token is the first on its line.
    var firstOnLine = true
    /// Spaces (only) that start the current line, for tab-indented lines.
    var leadingSpaces = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        queue.reserveCapacity(16)
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i < count ? base[i] : 0 }

    var column: Int { pos - lineStart }

    // MARK: Token queue

    /// The next token, without consuming it.
    mutating func peek() throws(ParseFailure) -> Token {
        if needMoreTokens() { try fetchMoreTokens() }
        return queue[head]
    }

    /// Consumes the token `peek()` returned.
    mutating func skip() {
        head += 1
        tokensParsed += 1
        // Consumed tokens are dropped in batches: removing them one by one costs more than it saves.
        if head >= 64 {
            queue.removeFirst(head)
            head = 0
        }
    }

    /// More tokens are needed when the queue is empty, or when its head might still become a key.
    @inline(__always) private func needMoreTokens() -> Bool {
        if head == queue.count { return true }
        for key in simpleKeys where key.possible && key.tokenNumber == tokensParsed {
            return true
        }
        return false
    }

    private mutating func fetchMoreTokens() throws(ParseFailure) {
        while true {
            var need = head == queue.count
            if !need {
                try staleSimpleKeys()
                for key in simpleKeys where key.possible && key.tokenNumber == tokensParsed {
                    need = true
                    break
                }
            }
            if !need { return }
            try fetchNextToken()
        }
    }

    mutating func append(_ kind: TokenKind, _ start: Int, _ end: Int) {
        queue.append(Token(kind: kind, start: start, end: end))
    }

    // MARK: Dispatch

    private mutating func fetchNextToken() throws(ParseFailure) {
        if !streamStartProduced {
            fetchStreamStart()
            return
        }
        try scanToNextToken()
        try staleSimpleKeys()
        unrollIndent(tabInIndentation ? leadingSpaces : column)
        if pos >= count {
            try fetchStreamEnd()
            return
        }
        try checkFlowIndentation()
        let c = base[pos]
        if pos == lineStart {
            if c == UInt8(ascii: "%") {
                try fetchDirective()
                return
            }
            if isDocumentMarker(at: pos) {
                try fetchDocumentIndicator(c == UInt8(ascii: "-") ? .documentStart : .documentEnd)
                return
            }
        }
        let next = at(pos + 1)
        switch c {
        case UInt8(ascii: "["):
            try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"):
            try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"):
            try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"):
            try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","):
            try fetchFlowEntry()
        case UInt8(ascii: "-") where Bytes.isBlankOrBreakOrEnd(next):
            try fetchBlockEntry()
        case UInt8(ascii: "?")
        where Bytes.isBlankOrBreakOrEnd(next) || (flowLevel > 0 && Bytes.isFlowIndicator(next)):
            try fetchKey()
        case UInt8(ascii: ":")
        where Bytes.isBlankOrBreakOrEnd(next)
            || (flowLevel > 0 && (Bytes.isFlowIndicator(next) || adjacentValueAllowed)):
            try fetchValue()
        case UInt8(ascii: "*"):
            try fetchAnchor(.alias)
        case UInt8(ascii: "&"):
            try fetchAnchor(.anchor)
        case UInt8(ascii: "!"):
            try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0:
            try fetchBlockScalar(literal: true)
        case UInt8(ascii: ">") where flowLevel == 0:
            try fetchBlockScalar(literal: false)
        case UInt8(ascii: "'"):
            try fetchQuotedScalar(single: true)
        case UInt8(ascii: "\""):
            try fetchQuotedScalar(single: false)
        default:
            if canStartPlainScalar(c, next) {
                try fetchPlainScalar()
            } else {
                throw ParseFailure(offset: pos, message: cannotStartMessage(c))
            }
        }
    }

    private func cannotStartMessage(_ c: UInt8) -> String {
        switch c {
        case UInt8(ascii: "\t"):
            return "found a tab character where indentation or a token was expected"
        case UInt8(ascii: "@"), UInt8(ascii: "`"):
            return
                "found reserved character '\(Character(Unicode.Scalar(c)))' that cannot start a plain scalar"
        case UInt8(ascii: "%"):
            return "found '%' that cannot start a plain scalar (a directive must start a line)"
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            return "found '\(Character(Unicode.Scalar(c)))' that cannot start any token here"
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return "block scalars are not allowed inside a flow collection"
        default:
            return "found a character that cannot start any token"
        }
    }

    private func canStartPlainScalar(_ c: UInt8, _ next: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            return !Bytes.isBlankOrBreakOrEnd(next) && !(flowLevel > 0 && Bytes.isFlowIndicator(next))
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"), Bytes.tab, Bytes.space, Bytes.lineFeed, Bytes.carriageReturn:
            return false
        default:
            return true
        }
    }

    /// `---` or `...` at the start of a line, followed by a blank, a break or the end.
    func isDocumentMarker(at i: Int) -> Bool {
        let c = at(i)
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return at(i + 1) == c && at(i + 2) == c && Bytes.isBlankOrBreakOrEnd(at(i + 3))
    }

    // MARK: Whitespace, comments, line breaks

    /// The offset of the first line break at or after `offset`, or `count`; eight bytes at a time.
    @inline(__always) func lineEnd(from offset: Int) -> Int {
        var i = offset
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let lf = w ^ 0x0A0A_0A0A_0A0A_0A0A
            let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D
            let low: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            if ((lf &- low) & ~lf & high) | ((cr &- low) & ~cr & high) != 0 { break }
            i += 8
        }
        while i < count && !Bytes.isBreak(base[i]) { i += 1 }
        return i
    }

    /// Consumes one line break (LF, CR or CRLF) at `pos`.
    @inline(__always) mutating func consumeBreak() {
        if base[pos] == Bytes.carriageReturn && at(pos + 1) == Bytes.lineFeed {
            pos += 2
        } else {
            pos += 1
        }
        line += 1
        lineStart = pos
    }

    private mutating func scanToNextToken() throws(ParseFailure) {
        tabBeforeToken = false
        tabInIndentation = false
        while true {
            if pos == lineStart && at(pos) == 0xEF && at(pos + 1) == 0xBB && at(pos + 2) == 0xBF {
                pos += 3
                lineStart = pos
            }
            let whitespaceStart = pos
            firstOnLine = whitespaceStart == lineStart
            var sawTab = false
            while pos < count {
                let c = base[pos]
                if c == Bytes.space {
                    pos += 1
                } else if c == Bytes.tab {
                    if !sawTab && firstOnLine { leadingSpaces = pos - lineStart }
                    sawTab = true
                    pos += 1
                } else {
                    break
                }
            }
            if firstOnLine && !sawTab { leadingSpaces = pos - lineStart }
            if sawTab {
                tabBeforeToken = true
                if firstOnLine { tabInIndentation = true }
            }
            guard pos < count else { return }
            var c = base[pos]
            if c == UInt8(ascii: "#") {
                if pos > lineStart && !Bytes.isBlank(base[pos - 1]) {
                    throw ParseFailure(
                        offset: pos, message: "a comment must be separated from content by whitespace")
                }
                pos = lineEnd(from: pos)
                guard pos < count else { return }
                c = base[pos]
            }
            guard Bytes.isBreak(c) else { return }
            consumeBreak()
            tabBeforeToken = false
            tabInIndentation = false
            if flowLevel == 0 { simpleKeyAllowed = true }
        }
    }

    /// Inside a flow collection nested in a block one, every line must be indented more than the block.
    ///
    /// A closing bracket is let through at any indentation: `args: [\n  a,\n]` is everywhere in
    /// real manifests and every Kubernetes tool reads it.
    private func checkFlowIndentation() throws(ParseFailure) {
        guard flowLevel > 0, indent >= 0, firstOnLine, leadingSpaces <= indent else { return }
        let c = base[pos]
        if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { return }
        throw ParseFailure(
            offset: pos,
            message: "flow content must be indented more than the enclosing block (column \(indent + 1))")
    }

    // MARK: Indentation

    mutating func unrollIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd, pos, pos)
            indent = indents.removeLast()
        }
    }

    /// Opens a block collection at `column` if it is deeper than the current one; inserts the
    /// start token at `tokenNumber` (for a simple key found late) or appends it.
    mutating func rollIndent(_ column: Int, tokenNumber: Int?, kind: TokenKind, offset: Int) {
        guard flowLevel == 0, indent < column else { return }
        indents.append(indent)
        indent = column
        let token = Token(kind: kind, start: offset, end: offset)
        if let tokenNumber {
            queue.insert(token, at: head + tokenNumber - tokensParsed)
        } else {
            queue.append(token)
        }
    }

    // MARK: Simple keys

    private mutating func staleSimpleKeys() throws(ParseFailure) {
        for level in simpleKeys.indices where simpleKeys[level].possible {
            let key = simpleKeys[level]
            if key.line < line || key.offset + 1024 < pos {
                if key.required {
                    throw ParseFailure(
                        offset: key.offset, message: "could not find the ':' of this implicit key")
                }
                simpleKeys[level].possible = false
                simpleKeys[level].stale = true
            }
        }
    }

    mutating func saveSimpleKey() throws(ParseFailure) {
        let required = flowLevel == 0 && indent == column
        guard simpleKeyAllowed else { return }
        try removeSimpleKey()
        simpleKeys[simpleKeys.count - 1] = SimpleKey(
            possible: true, required: required, stale: false,
            tokenNumber: tokensParsed + queue.count - head, offset: pos, line: line, column: column,
            afterTab: tabBeforeToken)
    }

    mutating func removeSimpleKey() throws(ParseFailure) {
        let last = simpleKeys.count - 1
        let key = simpleKeys[last]
        if key.possible && key.required {
            throw ParseFailure(offset: key.offset, message: "could not find the ':' of this implicit key")
        }
        simpleKeys[last].possible = false
        simpleKeys[last].stale = false
    }

    // MARK: Stream, directives, documents

    private mutating func fetchStreamStart() {
        indent = -1
        simpleKeyAllowed = true
        simpleKeys.append(SimpleKey())
        streamStartProduced = true
        append(.streamStart, 0, 0)
    }

    private mutating func fetchStreamEnd() throws(ParseFailure) {
        if flowLevel > 0 {
            throw ParseFailure(offset: pos, message: "unexpected end of input inside a flow collection")
        }
        if pos != lineStart { line += 1 }
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        append(.streamEnd, pos, pos)
    }

    private mutating func fetchDocumentIndicator(_ kind: TokenKind) throws(ParseFailure) {
        if flowLevel > 0 {
            throw ParseFailure(
                offset: pos, message: "a document marker cannot appear inside a flow collection")
        }
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        pos += 3
        append(kind, start, pos)
        if kind == .documentEnd {
            try expectLineEnd(after: "the document end marker '...'")
        }
    }

    /// After a directive or `...`: only blanks and a comment may follow on the line.
    mutating func expectLineEnd(after what: String) throws(ParseFailure) {
        var sawBlank = false
        while pos < count && Bytes.isBlank(base[pos]) {
            pos += 1
            sawBlank = true
        }
        guard pos < count else { return }
        let c = base[pos]
        if c == UInt8(ascii: "#") && sawBlank { return }
        if Bytes.isBreak(c) { return }
        throw ParseFailure(offset: pos, message: "unexpected content after \(what)")
    }

    // MARK: Flow indicators

    private mutating func fetchFlowCollectionStart(_ kind: TokenKind) throws(ParseFailure) {
        try saveSimpleKey()
        simpleKeys.append(SimpleKey())
        flowLevel += 1
        if kind == .flowSequenceStart { flowSequenceLevels.append(flowLevel) }
        simpleKeyAllowed = true
        adjacentValueAllowed = false
        append(kind, pos, pos + 1)
        pos += 1
    }

    private mutating func fetchFlowCollectionEnd(_ kind: TokenKind) throws(ParseFailure) {
        guard flowLevel > 0 else {
            throw ParseFailure(
                offset: pos,
                message: "found '\(kind == .flowSequenceEnd ? "]" : "}")' without a matching opening bracket")
        }
        try removeSimpleKey()
        simpleKeys.removeLast()
        if flowSequenceLevels.last == flowLevel { flowSequenceLevels.removeLast() }
        flowLevel -= 1
        simpleKeyAllowed = false
        adjacentValueAllowed = true
        append(kind, pos, pos + 1)
        pos += 1
    }

    private mutating func fetchFlowEntry() throws(ParseFailure) {
        guard flowLevel > 0 else {
            throw ParseFailure(offset: pos, message: "found ',' outside a flow collection")
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        adjacentValueAllowed = false
        append(.flowEntry, pos, pos + 1)
        pos += 1
    }

    // MARK: Block indicators

    private mutating func fetchBlockEntry() throws(ParseFailure) {
        guard flowLevel == 0 else {
            throw ParseFailure(
                offset: pos, message: "a block sequence entry '- ' is not allowed inside a flow collection")
        }
        try rollBlockIndent(.blockSequenceStart, for: "a block sequence entry")
        try removeSimpleKey()
        simpleKeyAllowed = true
        append(.blockEntry, pos, pos + 1)
        pos += 1
    }

    private mutating func fetchKey() throws(ParseFailure) {
        if flowLevel == 0 {
            try rollBlockIndent(.blockMappingStart, for: "a mapping key", shownAs: "a mapping key '? '")
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        adjacentValueAllowed = false
        append(.key, pos, pos + 1)
        pos += 1
    }

    private mutating func fetchValue() throws(ParseFailure) {
        let last = simpleKeys.count - 1
        let key = simpleKeys[last]
        if key.possible {
            if flowLevel == 0 && key.afterTab {
                throw ParseFailure(
                    offset: key.offset, message: "a tab cannot be used to indent a mapping key")
            }
            queue.insert(
                Token(kind: .key, start: key.offset, end: key.offset),
                at: head + key.tokenNumber - tokensParsed)
            rollIndent(key.column, tokenNumber: key.tokenNumber, kind: .blockMappingStart, offset: key.offset)
            simpleKeys[last].possible = false
            simpleKeyAllowed = false
        } else {
            if key.stale && flowSequenceLevels.last == flowLevel {
                throw ParseFailure(offset: key.offset, message: "an implicit key must be on a single line")
            }
            if flowLevel == 0 {
                try rollBlockIndent(.blockMappingStart, for: "a mapping value")
            }
            simpleKeyAllowed = flowLevel == 0
        }
        adjacentValueAllowed = false
        append(.value, pos, pos + 1)
        pos += 1
    }

    /// Opens the block collection of the `- `, `? ` or `: ` at this position, which may stand only
    /// where a simple key could and may not be indented with a tab.
    private mutating func rollBlockIndent(
        _ kind: TokenKind, for indicator: String, shownAs shown: String? = nil
    ) throws(ParseFailure) {
        guard simpleKeyAllowed else {
            throw ParseFailure(offset: pos, message: "\(shown ?? indicator) is not allowed here")
        }
        if tabBeforeToken {
            throw ParseFailure(offset: pos, message: "a tab cannot be used to indent \(indicator)")
        }
        rollIndent(column, tokenNumber: nil, kind: kind, offset: pos)
    }
}
