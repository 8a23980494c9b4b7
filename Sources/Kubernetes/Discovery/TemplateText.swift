/// A text of an ApplicationSet template split once into literal parts and placeholders, so that
/// each of the generator's parameter sets only fills the placeholders in.
struct TemplateText: Sendable {
    /// A literal run of the text, or a placeholder with the parameter it names (nil when the
    /// expression is not one Steward fills, or the placeholder is not closed).
    enum Part: Sendable {
        case literal(String)
        case parameter(String?)
    }

    let text: String
    /// The parts of a text with a placeholder; nil for a text without one.
    let parts: [Part]?

    /// Splits `text`: `{{name}}` placeholders for fasttemplate, `{{ .name }}` and
    /// `{{ index .name N }}` for Go templates; `-` trims as in Go templates.
    init(_ text: String, goTemplate: Bool) {
        self.text = text
        guard text.utf8.contains(Self.open) else {
            parts = nil
            return
        }
        parts = text.withBytes { bytes in
            var parts: [Part] = []
            var literal: [UInt8] = []
            var index = 0
            while index < bytes.count {
                guard index + 1 < bytes.count, bytes[index] == Self.open, bytes[index + 1] == Self.open else {
                    literal.append(bytes[index])
                    index += 1
                    continue
                }
                if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
                literal = []
                var close = index + 2
                while close + 1 < bytes.count
                    && !(bytes[close] == Self.close && bytes[close + 1] == Self.close)
                {
                    close += 1
                }
                guard close + 1 < bytes.count else {
                    parts.append(.parameter(nil))
                    return parts
                }
                var inner = bytes[(index + 2)..<close]
                if inner.first == UInt8(ascii: "-") { inner = inner.dropFirst() }
                if inner.last == UInt8(ascii: "-") { inner = inner.dropLast() }
                parts.append(.parameter(Self.parameter(Self.trimmed(inner), goTemplate: goTemplate)))
                index = close + 2
            }
            if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
            return parts
        }
    }

    private static let open = UInt8(ascii: "{")
    private static let close = UInt8(ascii: "}")

    /// A placeholder's expression without surrounding spaces and tabs.
    private static func trimmed(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        // Spaces and tabs next to non-ASCII bytes may belong to a larger character.
        guard inner.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: inner, as: UTF8.self).trimming(" \t")
        }
        var bytes = inner
        let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while let first = bytes.first, blank(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, blank(last) { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The parameter an expression names: the expression itself for fasttemplate; `.a.b` or
    /// `index .a N` for Go templates.
    private static func parameter(_ expression: String, goTemplate: Bool) -> String? {
        guard goTemplate else { return expression }
        let words = HelmExpression.words(expression)
        if words.count == 3, words[0] == "index", words[1].hasPrefix("."), Int(words[2]) != nil {
            return "\(words[1].dropFirst()).\(words[2])"
        }
        guard words.count == 1, words[0].hasPrefix(".") else { return nil }
        return String(words[0].dropFirst())
    }
}
