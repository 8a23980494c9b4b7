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
        segments = directory?.split(separator: "/") ?? []
    }

    /// `text` with its placeholders replaced, or nil when one is unknown.
    func substitute(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return text }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "{"),
                bytes[index + 1] == UInt8(ascii: "{")
            else {
                result.append(bytes[index])
                index += 1
                continue
            }
            var close = index + 2
            while close + 1 < bytes.count
                && !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}"))
            {
                close += 1
            }
            guard close + 1 < bytes.count else { return nil }
            var inner = bytes[(index + 2)..<close]
            if inner.first == UInt8(ascii: "-") { inner = inner.dropFirst() }
            if inner.last == UInt8(ascii: "-") { inner = inner.dropLast() }
            let expression = String(decoding: inner, as: UTF8.self).trimming(" \t")
            guard let value = value(of: expression) else { return nil }
            result += value.utf8
            index = close + 2
        }
        return String(decoding: result, as: UTF8.self)
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
