extension Scanner {
    // MARK: Anchors and aliases

    /// `&name` or `*name`; the name runs to a blank, a break or a flow indicator.
    mutating func fetchAnchor(_ kind: TokenKind) throws(ParseFailure) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        adjacentValueAllowed = false
        let start = pos
        pos += 1
        while pos < count {
            let c = base[pos]
            if Bytes.isBlankOrBreakOrEnd(c) || Bytes.isFlowIndicator(c) { break }
            pos += 1
        }
        if pos == start + 1 {
            let what = kind == .alias ? "alias" : "anchor"
            throw ParseFailure(
                offset: start, message: "an \(what) needs a name after '\(kind == .alias ? "*" : "&")'")
        }
        append(kind, start, pos)
    }

    // MARK: Tags

    /// `!<verbatim>`, `!!suffix`, `!handle!suffix`, `!suffix` or `!`; `aux` is where the suffix starts.
    mutating func fetchTag() throws(ParseFailure) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        adjacentValueAllowed = false
        let start = pos
        pos += 1
        var suffixStart = pos
        if at(pos) == UInt8(ascii: "<") {
            pos += 1
            suffixStart = pos
            while pos < count && base[pos] != UInt8(ascii: ">") {
                try scanURIChar(allowFlowIndicators: true)
            }
            guard at(pos) == UInt8(ascii: ">"), pos > suffixStart else {
                throw ParseFailure(offset: start, message: "a verbatim tag must look like !<uri>")
            }
            pos += 1
        } else {
            var i = pos
            while Bytes.isWordChar(at(i)) { i += 1 }
            if at(i) == UInt8(ascii: "!") {
                pos = i + 1
                suffixStart = pos
            }
            while pos < count && (Bytes.isTagChar(base[pos]) || base[pos] == UInt8(ascii: "%")) {
                try scanURIChar(allowFlowIndicators: false)
            }
            if pos == suffixStart && suffixStart != start + 1 {
                throw ParseFailure(offset: start, message: "a tag with a handle needs a suffix")
            }
        }
        let c = at(pos)
        if !(Bytes.isBlankOrBreakOrEnd(c) || (flowLevel > 0 && Bytes.isFlowIndicator(c))) {
            throw ParseFailure(offset: pos, message: "a tag must be followed by whitespace")
        }
        queue.append(Token(kind: .tag, start: start, end: pos, aux: suffixStart))
    }

    /// One URI character, or a `%XX` escape.
    private mutating func scanURIChar(allowFlowIndicators: Bool) throws(ParseFailure) {
        let c = base[pos]
        if c == UInt8(ascii: "%") {
            guard Bytes.isHexDigit(at(pos + 1)), Bytes.isHexDigit(at(pos + 2)) else {
                throw ParseFailure(
                    offset: pos, message: "invalid '%' escape in a tag: expected two hexadecimal digits")
            }
            pos += 3
            return
        }
        guard allowFlowIndicators ? Bytes.isURIChar(c) : Bytes.isTagChar(c) else {
            throw ParseFailure(offset: pos, message: "invalid character in a tag")
        }
        pos += 1
    }

    // MARK: Directives

    /// `%YAML 1.2`, `%TAG !h! prefix`, or a reserved directive; `aux` is where its parameters start.
    mutating func fetchDirective() throws(ParseFailure) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        pos += 1
        let nameStart = pos
        while pos < count && !Bytes.isBlankOrBreakOrEnd(base[pos]) { pos += 1 }
        let name = Array(UnsafeBufferPointer(start: base + nameStart, count: pos - nameStart))
        if name.isEmpty {
            throw ParseFailure(offset: start, message: "a directive needs a name after '%'")
        }
        let kind: TokenKind
        let parameters: Int
        if name == Array("YAML".utf8) {
            kind = .versionDirective
            try skipDirectiveBlanks()
            parameters = pos
            let major = pos
            while Bytes.isDigit(at(pos)) { pos += 1 }
            guard pos > major, at(pos) == UInt8(ascii: ".") else {
                throw ParseFailure(offset: parameters, message: "a %YAML directive needs a version like 1.2")
            }
            pos += 1
            let minor = pos
            while Bytes.isDigit(at(pos)) { pos += 1 }
            guard pos > minor else {
                throw ParseFailure(offset: parameters, message: "a %YAML directive needs a version like 1.2")
            }
        } else if name == Array("TAG".utf8) {
            kind = .tagDirective
            try skipDirectiveBlanks()
            parameters = pos
            guard at(pos) == UInt8(ascii: "!") else {
                throw ParseFailure(offset: pos, message: "a %TAG directive needs a handle like ! or !name!")
            }
            pos += 1
            if at(pos) != UInt8(ascii: "!") && !Bytes.isBlank(at(pos)) {
                while Bytes.isWordChar(at(pos)) { pos += 1 }
                guard at(pos) == UInt8(ascii: "!") else {
                    throw ParseFailure(offset: pos, message: "a %TAG handle must end with '!'")
                }
                pos += 1
            } else if at(pos) == UInt8(ascii: "!") {
                pos += 1
            }
            try skipDirectiveBlanks()
            let prefix = pos
            while pos < count && !Bytes.isBlankOrBreakOrEnd(base[pos]) {
                if base[pos] == UInt8(ascii: "!") || Bytes.isFlowIndicator(base[pos]) {
                    if pos == prefix && base[pos] == UInt8(ascii: "!") {
                        pos += 1
                        continue
                    }
                    if Bytes.isFlowIndicator(base[pos]) && pos == prefix {
                        throw ParseFailure(
                            offset: pos, message: "a %TAG prefix cannot start with a flow indicator")
                    }
                }
                try scanURIChar(allowFlowIndicators: true)
            }
            guard pos > prefix else {
                throw ParseFailure(offset: pos, message: "a %TAG directive needs a prefix")
            }
        } else {
            kind = .reservedDirective
            parameters = pos
            while pos < count && !Bytes.isBreak(base[pos]) {
                if base[pos] == UInt8(ascii: "#") && Bytes.isBlank(base[pos - 1]) { break }
                pos += 1
            }
            var end = pos
            while end > parameters && Bytes.isBlank(base[end - 1]) { end -= 1 }
            pos = end
        }
        queue.append(Token(kind: kind, start: start, end: pos, aux: parameters))
        try expectLineEnd(after: "a directive")
    }

    private mutating func skipDirectiveBlanks() throws(ParseFailure) {
        let before = pos
        while Bytes.isBlank(at(pos)) { pos += 1 }
        if pos == before {
            throw ParseFailure(offset: pos, message: "expected whitespace in a directive")
        }
    }
}
