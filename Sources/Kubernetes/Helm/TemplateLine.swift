import YAMLSyntax

/// One line of a chart template, split into its YAML key and value and its template actions.
struct TemplateLine: Sendable {
    /// 1-based line number in the file.
    var number: Int
    /// The line as written.
    var text: String
    /// Leading spaces.
    var indent: Int
    /// The line without leading and trailing spaces.
    var content: String
    /// The `{{ … }}` actions of the line, their inner text trimmed of `-` and spaces.
    var actions: [String]
    /// Whether the line carries YAML (is not only template actions, a comment or blank).
    var isYAML: Bool

    /// Splits a file into lines, at line feeds (a carriage return before one is dropped).
    static func split(_ bytes: [UInt8]) -> [TemplateLine] {
        var result: [TemplateLine] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            result.append(TemplateLine(number: result.count + 1, text: String(decoding: line, as: UTF8.self)))
            start = end + 1
        }
        return result
    }

    init(number: Int, text: String) {
        self.number = number
        self.text = text
        indent = text.utf8.prefix { $0 == UInt8(ascii: " ") }.count
        content = text.trimming(" \t")
        // Most lines hold no action: no need to look for them.
        guard Self.hasAction(text) else {
            actions = []
            isYAML = !content.isEmpty && !content.hasPrefix("#")
            return
        }
        actions = Self.actions(in: text)
        let outside = Self.removingActions(content).trimming(" \t")
        isYAML = !outside.isEmpty && !outside.hasPrefix("#")
    }

    /// Whether `text` has `{{`.
    private static func hasAction(_ text: String) -> Bool {
        text.withBytes { bytes in
            bytes.indices.dropLast().contains {
                bytes[$0] == UInt8(ascii: "{") && bytes[$0 + 1] == UInt8(ascii: "{")
            }
        }
    }

    /// Whether the line starts a sequence item (`- …`).
    var isItem: Bool { content == "-" || content.hasPrefix("- ") }

    /// The mapping key of the line (`key: value` or `key:`), nil for an item or other text.
    var key: String? {
        guard isYAML, !isItem else { return nil }
        return Self.key(content)
    }

    /// The value after `key:`, nil when empty.
    var value: String? {
        guard key != nil else { return nil }
        return Self.value(content)
    }

    /// For an item line `- key: value`, the key.
    var itemKey: String? {
        guard isItem else { return nil }
        return Self.key(String(content.dropFirst(2)))
    }

    /// For an item line `- key: value`, the value.
    var itemValue: String? {
        guard isItem else { return nil }
        return Self.value(String(content.dropFirst(2)))
    }

    private static func key(_ text: String) -> String? {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = String(text[..<colon])
        guard !key.isEmpty, !key.contains(ascii: "{{"), !key.contains(" ") || key.hasPrefix("\"") else {
            return nil
        }
        let after = text.index(after: colon)
        guard after == text.endIndex || text[after] == " " else { return nil }
        return HelmTemplateScanner.unquote(key)
    }

    private static func value(_ text: String) -> String? {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var value = String(text[text.index(after: colon)...]).trimming(" \t")
        if let comment = value.firstRange(ofASCII: " #"), !value[..<comment.lowerBound].contains(ascii: "{{")
        {
            value = String(value[..<comment.lowerBound]).trimming(" ")
        }
        return value.isEmpty ? nil : value
    }

    /// The inner text of each `{{ … }}`.
    static func actions(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(ofASCII: "{{") {
            guard let close = rest[open.upperBound...].firstRange(ofASCII: "}}") else { break }
            var inner = rest[open.upperBound..<close.lowerBound]
            if inner.hasPrefix("-") { inner = inner.dropFirst() }
            if inner.hasSuffix("-") { inner = inner.dropLast() }
            result.append(inner.trimming(" \t"))
            rest = rest[close.upperBound...]
        }
        return result
    }

    private static func removingActions(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstRange(ofASCII: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(ofASCII: "}}") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}

/// The `if`, `with`, `range` and `define` blocks open at each line.
struct BlockTracker: Sendable {
    /// For each line, the conditions of the `if` blocks around it, outermost first.
    var conditions: [[String]]
    /// For each line, the values path of the innermost `with .Values.…` block around it.
    var withPaths: [YAMLPath?]

    enum Block {
        case condition(String)
        case with(YAMLPath?)
        case other
    }

    static func track(_ lines: [TemplateLine]) -> BlockTracker {
        var stack: [Block] = []
        var conditions: [[String]] = []
        var withPaths: [YAMLPath?] = []
        for line in lines {
            conditions.append(stack.compactMap { if case .condition(let text) = $0 { text } else { nil } })
            withPaths.append(
                stack.reversed().lazy.compactMap { if case .with(let path) = $0 { path } else { nil } }.first
                    ?? nil)
            for action in line.actions {
                let words = action.split(separator: " ", maxSplits: 1)
                switch words.first {
                case "if": stack.append(.condition(words.count > 1 ? String(words[1]) : ""))
                case "with":
                    let path = words.count > 1 ? ValuesReference.paths(in: String(words[1])).first : nil
                    stack.append(.with(path))
                case "range", "define", "block": stack.append(.other)
                case "end": if !stack.isEmpty { stack.removeLast() }
                default: break
                }
            }
        }
        return BlockTracker(conditions: conditions, withPaths: withPaths)
    }
}
