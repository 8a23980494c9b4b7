/// Parameters an ApplicationSet generator gives its template, and the substitution of
/// `{{name}}` (fasttemplate) or `{{ .name }}` (Go template) placeholders.
struct TemplateParameters: Sendable {
    /// Values by dotted name: `path`, `path.basename`, `path[0]` for fasttemplate;
    /// `path.path`, `path.segments.0` for Go templates.
    var values: [String: String]
    var goTemplate: Bool

    /// `text` with its placeholders replaced, or nil when one is unknown.
    func substitute(_ text: String) -> String? {
        guard text.contains("{{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { return nil }
            var inner = rest[open.upperBound..<close.lowerBound]
            if inner.hasPrefix("-") { inner = inner.dropFirst() }
            if inner.hasSuffix("-") { inner = inner.dropLast() }
            guard let value = value(of: inner.trimming(" \t")) else { return nil }
            result += value
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private func value(of expression: String) -> String? {
        guard goTemplate else { return values[expression] }
        let words = HelmExpression.words(expression)
        if words.count == 3, words[0] == "index", words[1].hasPrefix("."), Int(words[2]) != nil {
            return values["\(words[1].dropFirst()).\(words[2])"]
        }
        guard words.count == 1, words[0].hasPrefix(".") else { return nil }
        return values[String(words[0].dropFirst())]
    }

    /// The git directory generator's parameters for `directory`.
    static func directory(_ directory: String, goTemplate: Bool) -> TemplateParameters {
        let segments = directory.split(separator: "/").map(String.init)
        let basename = segments.last ?? ""
        let normalized = String(
            basename.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        var values: [String: String] = [:]
        if goTemplate {
            values["path.path"] = directory
            values["path.basename"] = basename
            values["path.basenameNormalized"] = normalized
            for (index, segment) in segments.enumerated() { values["path.segments.\(index)"] = segment }
        } else {
            values["path"] = directory
            values["path.basename"] = basename
            values["path.basenameNormalized"] = normalized
            for (index, segment) in segments.enumerated() { values["path[\(index)]"] = segment }
        }
        return TemplateParameters(values: values, goTemplate: goTemplate)
    }
}
