/// Reads tokens and builds the syntax tree: a recursive descent over the YAML structure
/// (documents, block and flow collections, properties), with the document-level rules of
/// YAML 1.2 (directives only before `---`, and only after `...` when a document precedes).
struct Parser {
    var scanner: Scanner
    var tree: TreeBuilder
    /// Tag handles of the current document: `!`, `!!`, and those of `%TAG` directives.
    private var handles: [[UInt8]: String] = [:]
    private var depth = 0
    private static let maximumDepth = 512

    init(base: UnsafePointer<UInt8>, count: Int) {
        scanner = Scanner(base: base, count: count)
        tree = TreeBuilder(estimatedNodes: count / 32 + 16)
    }

    private func slice(_ start: Int, _ end: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: scanner.base + start, count: end - start))
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: scanner.base + start, count: end - start), as: UTF8.self)
    }

    // MARK: Stream and documents

    mutating func parseStream() throws(ParseFailure) {
        _ = try scanner.peek()
        scanner.skip()
        var afterExplicitEnd = true
        var first = true
        while true {
            let token = try scanner.peek()
            if token.kind == .streamEnd { return }
            if token.kind == .documentEnd && afterExplicitEnd {
                scanner.skip()
                continue
            }
            afterExplicitEnd = try parseDocument(afterExplicitEnd: afterExplicitEnd, first: first)
            first = false
        }
    }

    /// Parses one document; returns whether it ended with `...`.
    private mutating func parseDocument(afterExplicitEnd: Bool, first: Bool) throws(ParseFailure) -> Bool {
        handles = [Array("!".utf8): "!", Array("!!".utf8): "tag:yaml.org,2002:"]
        var token = try scanner.peek()
        let documentStart = token.start
        var sawVersion = false
        var sawDirective = false
        while token.kind == .versionDirective || token.kind == .tagDirective
            || token.kind == .reservedDirective
        {
            if !afterExplicitEnd {
                throw ParseFailure(
                    offset: token.start, message: "a directive after a document needs a '...' line before it")
            }
            try directive(token, sawVersion: &sawVersion)
            sawDirective = true
            scanner.skip()
            token = try scanner.peek()
        }
        var startMarker: Int?
        if token.kind == .documentStart {
            startMarker = token.start
            scanner.skip()
        } else if sawDirective {
            throw ParseFailure(offset: token.start, message: "expected '---' after the directives")
        } else if !afterExplicitEnd && !first {
            throw ParseFailure(offset: token.start, message: "expected '---' or the end of the document")
        }
        token = try scanner.peek()
        let root: Int
        switch token.kind {
        case .versionDirective, .tagDirective, .reservedDirective, .documentStart, .documentEnd, .streamEnd:
            root = tree.addEmpty(at: startMarker.map { $0 + 3 } ?? token.start)
        default:
            root = try parseNode(block: true, indentlessSequence: false)
        }
        token = try scanner.peek()
        var endMarker: Int?
        var end = tree.lastEnd
        switch token.kind {
        case .documentEnd:
            endMarker = token.start
            end = token.end
            scanner.skip()
        case .documentStart, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
            break
        default:
            throw ParseFailure(
                offset: token.start, message: "expected the end of the document, found more content")
        }
        tree.documents.append(
            DocumentInfo(
                root: root, start: documentStart, startMarker: startMarker, endMarker: endMarker, end: end))
        return endMarker != nil
    }

    private mutating func directive(_ token: Token, sawVersion: inout Bool) throws(ParseFailure) {
        switch token.kind {
        case .versionDirective:
            if sawVersion {
                throw ParseFailure(
                    offset: token.start, message: "a document can have only one %YAML directive")
            }
            sawVersion = true
            let version = text(token.aux, token.end)
            if !version.hasPrefix("1.") {
                throw ParseFailure(offset: token.aux, message: "unsupported YAML version \(version)")
            }
        case .tagDirective:
            var i = token.aux + 1
            while i < token.end && !Bytes.isBlank(scanner.base[i]) { i += 1 }
            let handle = slice(token.aux, i)
            while i < token.end && Bytes.isBlank(scanner.base[i]) { i += 1 }
            if handles[handle] != nil && handle != Array("!".utf8) && handle != Array("!!".utf8) {
                throw ParseFailure(
                    offset: token.aux,
                    message: "the tag handle \(text(token.aux, token.aux + handle.count)) is defined twice")
            }
            handles[handle] = ScalarDecoder.percentDecoded(slice(i, token.end))
        default:
            break
        }
    }

    // MARK: Nodes

    private mutating func parseNode(block: Bool, indentlessSequence: Bool) throws(ParseFailure) -> Int {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ParseFailure(
                offset: scanner.pos, message: "nesting is deeper than \(Self.maximumDepth) levels")
        }
        var token = try scanner.peek()
        if token.kind == .alias {
            scanner.skip()
            tree.addAlias(token)
            return tree.kinds.count - 1
        }
        var props: NodeProperties?
        while token.kind == .anchor || token.kind == .tag {
            var p = props ?? NodeProperties(anchor: nil, tag: nil, start: token.start)
            if token.kind == .anchor {
                if p.anchor != nil {
                    throw ParseFailure(offset: token.start, message: "a node can have only one anchor")
                }
                p.anchor = (token.start + 1)..<token.end
            } else {
                if p.tag != nil {
                    throw ParseFailure(offset: token.start, message: "a node can have only one tag")
                }
                p.tag = try resolveTag(token)
            }
            props = p
            tree.lastEnd = token.end
            scanner.skip()
            token = try scanner.peek()
        }
        switch token.kind {
        case .blockEntry where indentlessSequence:
            return try parseIndentlessSequence(props)
        case .scalar:
            scanner.skip()
            return tree.addScalar(token, props)
        case .flowSequenceStart:
            return try parseFlowCollection(.sequence, closing: .flowSequenceEnd, props)
        case .flowMappingStart:
            return try parseFlowCollection(.mapping, closing: .flowMappingEnd, props)
        case .blockSequenceStart where block:
            return try parseBlockSequence(props)
        case .blockMappingStart where block:
            return try parseBlockMapping(props)
        case .alias where props != nil:
            throw ParseFailure(offset: token.start, message: "an alias cannot have an anchor or a tag")
        default:
            if props != nil {
                return tree.addEmpty(at: tree.lastEnd, props)
            }
            throw ParseFailure(
                offset: token.start, message: "expected a node (a scalar, a collection or an alias)")
        }
    }

    private func resolveTag(_ token: Token) throws(ParseFailure) -> String {
        let base = scanner.base
        if base[token.start + 1] == UInt8(ascii: "<") {
            return text(token.start + 2, token.end - 1)
        }
        let handle = slice(token.start, token.aux)
        let suffix = ScalarDecoder.percentDecoded(slice(token.aux, token.end))
        if token.aux == token.start + 1 && token.end == token.aux {
            return "!"
        }
        guard let prefix = handles[handle] else {
            throw ParseFailure(
                offset: token.start, message: "undefined tag handle \(text(token.start, token.aux))")
        }
        return prefix + suffix
    }

    // MARK: Block collections

    private mutating func parseBlockSequence(_ props: NodeProperties?) throws(ParseFailure) -> Int {
        let index = try openCollection(.sequence, .block, props)
        while true {
            let token = try scanner.peek()
            if token.kind == .blockEntry {
                try parseNode(after: token, block: true, indentlessSequence: false) {
                    $0 == .blockEntry || $0 == .blockEnd
                }
            } else if token.kind == .blockEnd {
                scanner.skip()
                break
            } else {
                throw ParseFailure(
                    offset: token.start, message: "expected a '- ' sequence entry at this indentation")
            }
        }
        tree.close(index)
        return index
    }

    private mutating func parseIndentlessSequence(_ props: NodeProperties?) throws(ParseFailure) -> Int {
        let index = tree.open(.sequence, .block, at: try scanner.peek().start, props)
        while true {
            let token = try scanner.peek()
            guard token.kind == .blockEntry else { break }
            try parseNode(after: token, block: true, indentlessSequence: false) {
                $0 == .blockEntry || $0 == .key || $0 == .value || $0 == .blockEnd
            }
        }
        tree.close(index)
        return index
    }

    private mutating func parseBlockMapping(_ props: NodeProperties?) throws(ParseFailure) -> Int {
        let index = try openCollection(.mapping, .block, props)
        while true {
            let token = try scanner.peek()
            if token.kind == .key {
                try parseNode(
                    after: token, block: true, indentlessSequence: true, ends: Self.endsBlockMappingNode)
                try parseBlockValue()
            } else if token.kind == .value {
                tree.addEmpty(at: token.start)
                try parseBlockValue()
            } else if token.kind == .blockEnd {
                scanner.skip()
                break
            } else {
                throw ParseFailure(offset: token.start, message: "expected a mapping key at this indentation")
            }
        }
        tree.close(index)
        return index
    }

    private mutating func parseBlockValue() throws(ParseFailure) {
        let token = try scanner.peek()
        guard token.kind == .value else {
            tree.addEmpty(at: tree.lastEnd)
            return
        }
        try parseNode(after: token, block: true, indentlessSequence: true, ends: Self.endsBlockMappingNode)
    }

    /// Whether a token ends the node of a block mapping's key or value, which is then empty.
    private static func endsBlockMappingNode(_ kind: TokenKind) -> Bool {
        kind == .key || kind == .value || kind == .blockEnd
    }

    /// Reads the token that starts a collection and opens the collection's node there.
    private mutating func openCollection(
        _ kind: YAMLNode.Kind, _ style: NodeStyle, _ props: NodeProperties?
    ) throws(ParseFailure) -> Int {
        let start = try scanner.peek().start
        scanner.skip()
        return tree.open(kind, style, at: start, props)
    }

    /// Reads the indicator `token` (`- `, `? ` or `: `) and the node after it: an empty node
    /// where the next token `ends` it, as in `key:` with nothing after the colon.
    private mutating func parseNode(
        after token: Token, block: Bool, indentlessSequence: Bool, ends: (TokenKind) -> Bool
    ) throws(ParseFailure) {
        scanner.skip()
        if ends(try scanner.peek().kind) {
            tree.addEmpty(at: token.end)
        } else {
            _ = try parseNode(block: block, indentlessSequence: indentlessSequence)
        }
    }

    // MARK: Flow collections

    /// Parses a flow sequence or mapping: entries separated by ',' up to `closing`, with a
    /// trailing ',' allowed before it.
    private mutating func parseFlowCollection(
        _ kind: YAMLNode.Kind, closing: TokenKind, _ props: NodeProperties?
    ) throws(ParseFailure) -> Int {
        let index = try openCollection(kind, .flow, props)
        var first = true
        while true {
            var token = try scanner.peek()
            if token.kind == closing {
                scanner.skip()
                tree.close(index, end: token.end)
                return index
            }
            if !first {
                guard token.kind == .flowEntry else {
                    let message =
                        closing == .flowSequenceEnd
                        ? "expected ',' or ']' in a flow sequence" : "expected ',' or '}' in a flow mapping"
                    throw ParseFailure(offset: token.start, message: message)
                }
                scanner.skip()
                token = try scanner.peek()
                if token.kind == closing { continue }
            }
            first = false
            if closing == .flowMappingEnd {
                try parseFlowPair(token, closing: closing)
            } else if token.kind == .key || token.kind == .value {
                // `[a: 1]` and `[: 1]`: a pair in a sequence is a mapping of its own.
                let pair = tree.open(.mapping, .flow, at: token.start, nil)
                try parseFlowPair(token, closing: closing)
                tree.close(pair)
            } else {
                _ = try parseNode(block: false, indentlessSequence: false)
            }
        }
    }

    /// Parses a key and its value in a flow collection; a missing key or value is an empty node.
    private mutating func parseFlowPair(_ token: Token, closing: TokenKind) throws(ParseFailure) {
        switch token.kind {
        case .key:
            try parseNode(after: token, block: false, indentlessSequence: false) {
                $0 == .value || $0 == .flowEntry || $0 == closing
            }
        case .value:
            tree.addEmpty(at: token.start)
        default:
            _ = try parseNode(block: false, indentlessSequence: false)
        }
        try parseFlowValue(closing: closing)
    }

    private mutating func parseFlowValue(closing: TokenKind) throws(ParseFailure) {
        let token = try scanner.peek()
        guard token.kind == .value else {
            tree.addEmpty(at: tree.lastEnd)
            return
        }
        try parseNode(after: token, block: false, indentlessSequence: false) {
            $0 == .flowEntry || $0 == closing
        }
    }
}
