/// Parameters an ApplicationSet generator gives its template, and the substitution of
/// `{{name}}` (fasttemplate) or `{{ .name }}` (Go template) placeholders.
struct TemplateParameters: Sendable {
    /// Values by dotted name: `cluster`, `values.env` for a list element.
    var values: [String: String]
    var goTemplate: Bool
    /// The folder of a git directory generator, whose parameters are computed when asked for:
    /// `path`, `path.basename`, `path.basenameNormalized`, `path[N]` for fasttemplate;
    /// `path.path`, `path.basename`, `path.basenameNormalized`, `path.segments.N` for Go templates.
    var directory: String?

    /// The folder names of `directory`.
    private let segments: [Substring]

    init(values: [String: String], goTemplate: Bool, directory: String? = nil) {
        self.values = values
        self.goTemplate = goTemplate
        self.directory = directory
        // Split as bytes: `/` is ASCII, and splitting by characters costs much more.
        segments = directory?.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) } ?? []
    }

    /// `text` with its placeholders replaced, or nil when one is unknown.
    func substitute(_ text: String) -> String? {
        guard text.utf8.contains(Self.open) else { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            var index = 0
            while index < bytes.count {
                guard index + 1 < bytes.count, bytes[index] == Self.open, bytes[index + 1] == Self.open else {
                    result.append(bytes[index])
                    index += 1
                    continue
                }
                var close = index + 2
                while close + 1 < bytes.count
                    && !(bytes[close] == Self.close && bytes[close + 1] == Self.close)
                {
                    close += 1
                }
                guard close + 1 < bytes.count else { return nil }
                var inner = bytes[(index + 2)..<close]
                if inner.first == UInt8(ascii: "-") { inner = inner.dropFirst() }
                if inner.last == UInt8(ascii: "-") { inner = inner.dropLast() }
                guard let value = value(of: Self.trimmed(inner)) else { return nil }
                result += value.utf8
                index = close + 2
            }
            return String(decoding: result, as: UTF8.self)
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

    private func value(of expression: String) -> String? {
        guard goTemplate else { return parameter(expression) }
        let words = HelmExpression.words(expression)
        if words.count == 3, words[0] == "index", words[1].hasPrefix("."), Int(words[2]) != nil {
            return parameter("\(words[1].dropFirst()).\(words[2])")
        }
        guard words.count == 1, words[0].hasPrefix(".") else { return nil }
        return parameter(String(words[0].dropFirst()))
    }

    private func parameter(_ name: String) -> String? {
        guard let directory else { return values[name] }
        let basename = segments.last.map(String.init) ?? ""
        switch name {
        case "path" where !goTemplate, "path.path" where goTemplate: return directory
        case "path.basename": return basename
        case "path.basenameNormalized":
            return String(basename.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        default:
            return values[name] ?? segment(name)
        }
    }

    /// `path[N]` (fasttemplate) or `path.segments.N` (Go templates).
    private func segment(_ name: String) -> String? {
        let prefix = goTemplate ? "path.segments." : "path["
        guard name.hasPrefix(prefix) else { return nil }
        var digits = name.utf8.dropFirst(prefix.utf8.count)
        if !goTemplate {
            guard digits.last == UInt8(ascii: "]") else { return nil }
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let index = Int(String(decoding: digits, as: UTF8.self)), index < segments.count
        else { return nil }
        return String(segments[index])
    }
}
