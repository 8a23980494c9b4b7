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
            return try parseFlowSequence(props)
        case .flowMappingStart:
            return try parseFlowMapping(props)
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
        let startToken = try scanner.peek()
        scanner.skip()
        let index = tree.open(.sequence, .block, at: startToken.start, props)
        while true {
            let token = try scanner.peek()
            if token.kind == .blockEntry {
                scanner.skip()
                let next = try scanner.peek()
                if next.kind == .blockEntry || next.kind == .blockEnd {
                    tree.addEmpty(at: token.end)
                } else {
                    _ = try parseNode(block: true, indentlessSequence: false)
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
            scanner.skip()
            let next = try scanner.peek()
            switch next.kind {
            case .blockEntry, .key, .value, .blockEnd:
                tree.addEmpty(at: token.end)
            default:
                _ = try parseNode(block: true, indentlessSequence: false)
            }
        }
        tree.close(index)
        return index
    }

    private mutating func parseBlockMapping(_ props: NodeProperties?) throws(ParseFailure) -> Int {
        let startToken = try scanner.peek()
        scanner.skip()
        let index = tree.open(.mapping, .block, at: startToken.start, props)
        while true {
            let token = try scanner.peek()
            if token.kind == .key {
                scanner.skip()
                let next = try scanner.peek()
                switch next.kind {
                case .key, .value, .blockEnd:
                    tree.addEmpty(at: token.end)
                default:
                    _ = try parseNode(block: true, indentlessSequence: true)
                }
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
        scanner.skip()
        let next = try scanner.peek()
        switch next.kind {
        case .key, .value, .blockEnd:
            tree.addEmpty(at: token.end)
        default:
            _ = try parseNode(block: true, indentlessSequence: true)
        }
    }

    // MARK: Flow collections

    private mutating func parseFlowSequence(_ props: NodeProperties?) throws(ParseFailure) -> Int {
        let open = try scanner.peek()
        scanner.skip()
        let index = tree.open(.sequence, .flow, at: open.start, props)
        var first = true
        while true {
            var token = try scanner.peek()
            if token.kind == .flowSequenceEnd {
                scanner.skip()
                tree.close(index, end: token.end)
                return index
            }
            if !first {
                guard token.kind == .flowEntry else {
                    throw ParseFailure(offset: token.start, message: "expected ',' or ']' in a flow sequence")
                }
                scanner.skip()
                token = try scanner.peek()
                if token.kind == .flowSequenceEnd { continue }
            }
            first = false
            if token.kind == .key || token.kind == .value {
                let pair = tree.open(.mapping, .flow, at: token.start, nil)
                if token.kind == .key {
                    scanner.skip()
                    let next = try scanner.peek()
                    switch next.kind {
                    case .value, .flowEntry, .flowSequenceEnd:
                        tree.addEmpty(at: token.end)
                    default:
                        _ = try parseNode(block: false, indentlessSequence: false)
                    }
                } else {
                    tree.addEmpty(at: token.start)
                }
                try parseFlowValue(closing: .flowSequenceEnd)
                tree.close(pair)
            } else {
                _ = try parseNode(block: false, indentlessSequence: false)
            }
        }
    }

    private mutating func parseFlowMapping(_ props: NodeProperties?) throws(ParseFailure) -> Int {
        let open = try scanner.peek()
        scanner.skip()
        let index = tree.open(.mapping, .flow, at: open.start, props)
        var first = true
        while true {
            var token = try scanner.peek()
            if token.kind == .flowMappingEnd {
                scanner.skip()
                tree.close(index, end: token.end)
                return index
            }
            if !first {
                guard token.kind == .flowEntry else {
                    throw ParseFailure(offset: token.start, message: "expected ',' or '}' in a flow mapping")
                }
                scanner.skip()
                token = try scanner.peek()
                if token.kind == .flowMappingEnd { continue }
            }
            first = false
            if token.kind == .key {
                scanner.skip()
                let next = try scanner.peek()
                switch next.kind {
                case .value, .flowEntry, .flowMappingEnd:
                    tree.addEmpty(at: token.end)
                default:
                    _ = try parseNode(block: false, indentlessSequence: false)
                }
                try parseFlowValue(closing: .flowMappingEnd)
            } else if token.kind == .value {
                tree.addEmpty(at: token.start)
                try parseFlowValue(closing: .flowMappingEnd)
            } else {
                _ = try parseNode(block: false, indentlessSequence: false)
                try parseFlowValue(closing: .flowMappingEnd)
            }
        }
    }

    private mutating func parseFlowValue(closing: TokenKind) throws(ParseFailure) {
        let token = try scanner.peek()
        guard token.kind == .value else {
            tree.addEmpty(at: tree.lastEnd)
            return
        }
        scanner.skip()
        let next = try scanner.peek()
        if next.kind == .flowEntry || next.kind == closing {
            tree.addEmpty(at: token.end)
        } else {
            _ = try parseNode(block: false, indentlessSequence: false)
        }
    }
}
