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

    init(values: [String: String], goTemplate: Bool, directory: String? = nil) {
        self.values = values
        self.goTemplate = goTemplate
        self.directory = directory
    }

    /// `text` (split for the same kind of template) with its placeholders replaced, or nil when
    /// one is unknown.
    func substitute(_ text: TemplateText) -> String? {
        guard let parts = text.parts else { return text.text }
        var result = ""
        for part in parts {
            switch part {
            case .literal(let literal): result += literal
            case .parameter(let name):
                guard let name, let value = parameter(name) else { return nil }
                result += value
            }
        }
        return result
    }

    private func parameter(_ name: String) -> String? {
        guard let directory else { return values[name] }
        switch name {
        case "path" where !goTemplate, "path.path" where goTemplate: return directory
        case "path.basename": return RepositoryPath.name(of: directory)
        case "path.basenameNormalized":
            return String(
                RepositoryPath.name(of: directory).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        default:
            return (values.isEmpty ? nil : values[name]) ?? segment(name, of: directory)
        }
    }

    /// `path[N]` (fasttemplate) or `path.segments.N` (Go templates): the Nth folder name.
    private func segment(_ name: String, of directory: String) -> String? {
        let prefix: StaticString = goTemplate ? "path.segments." : "path["
        let suffix: UInt8? = goTemplate ? nil : UInt8(ascii: "]")
        guard let index = name.withBytes({ Self.index(in: $0, after: prefix, closedBy: suffix) }) else {
            return nil
        }
        // Folder names found as bytes: `/` is ASCII, and splitting by characters costs much more.
        return directory.withBytes { bytes in
            var found = 0
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                defer { start = end + 1 }
                guard end > start else { continue }
                if found == index { return String(decoding: bytes[start..<end], as: UTF8.self) }
                found += 1
            }
            return nil
        }
    }

    /// The decimal number between `prefix` and `suffix` (or the end) that make up `bytes`.
    private static func index(
        in bytes: UnsafeBufferPointer<UInt8>, after prefix: StaticString, closedBy suffix: UInt8?
    ) -> Int? {
        let prefixLength = prefix.utf8CodeUnitCount
        guard bytes.count > prefixLength,
            bytes[..<prefixLength].elementsEqual(
                UnsafeBufferPointer(start: prefix.utf8Start, count: prefixLength))
        else { return nil }
        var digits = bytes[prefixLength...]
        if let suffix {
            guard digits.last == suffix else { return nil }
            digits = digits.dropLast()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }
}
