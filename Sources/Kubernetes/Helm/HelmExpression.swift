import YAMLSyntax

/// Evaluates the small template expressions that name resources and containers
/// (`{{ include "app.fullname" . }}-worker`, `{{ .Chart.Name }}`, `{{ .Values.name | default "x" }}`).
/// Anything else gives nil: Steward reports it instead of guessing.
struct HelmExpression {
    var release: String
    var namespace: String
    var chart: HelmChart
    var values: HelmValues

    /// The text with every action evaluated, or nil when an action is not understood.
    func evaluate(_ text: String) -> String? {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstRange(ofASCII: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(ofASCII: "}}") else { return nil }
            var inner = rest[open.upperBound..<close.lowerBound]
            if inner.hasPrefix("-") { inner = inner.dropFirst() }
            if inner.hasSuffix("-") { inner = inner.dropLast() }
            guard let value = pipeline(String(inner)) else { return nil }
            result += value
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Whether an `if` condition holds; nil when Steward cannot tell.
    func condition(_ text: String) -> Bool? {
        let words = Self.words(text)
        if words.count == 1, let path = Self.valuesPath(words[0]) { return values.isTruthy(path) }
        if words.count == 2, words[0] == "not", let path = Self.valuesPath(words[1]) {
            return !values.isTruthy(path)
        }
        return nil
    }

    /// The release's full name as `helm create`'s `<chart>.fullname` helper writes it.
    var fullname: String {
        if let override = values.scalar(YAMLPath([.key("fullnameOverride")])), !override.isEmpty {
            return Self.truncated(override)
        }
        let name = shortName
        return Self.truncated(release.contains(name) ? release : "\(release)-\(name)")
    }

    /// The chart's name as `helm create`'s `<chart>.name` helper writes it.
    var shortName: String {
        let override = values.scalar(YAMLPath([.key("nameOverride")])) ?? ""
        return Self.truncated(override.isEmpty ? chart.name : override)
    }

    private static func truncated(_ text: String) -> String {
        var result = String(text.prefix(63))
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    private func pipeline(_ text: String) -> String? {
        let stages = Self.stages(text)
        guard let first = stages.first, var value = command(Self.words(first)) else { return nil }
        for stage in stages.dropFirst() {
            let words = Self.words(stage)
            switch words.first {
            case "trunc":
                guard words.count == 2, let count = Int(words[1]) else { return nil }
                value = String(value.prefix(count))
            case "trimSuffix":
                guard words.count == 2, let suffix = Self.literal(words[1]) else { return nil }
                if value.hasSuffix(suffix) { value = String(value.dropLast(suffix.count)) }
            case "trimPrefix":
                guard words.count == 2, let prefix = Self.literal(words[1]) else { return nil }
                if value.hasPrefix(prefix) { value = String(value.dropFirst(prefix.count)) }
            case "default":
                guard words.count == 2, let fallback = argument(words[1]) else { return nil }
                if value.isEmpty { value = fallback }
            case "lower": value = value.lowercased()
            case "upper": value = value.uppercased()
            case "quote", "toString": break
            default: return nil
            }
        }
        return value
    }

    private func command(_ words: [String]) -> String? {
        guard let head = words.first else { return nil }
        switch head {
        case "include", "template":
            guard words.count >= 2, let helper = Self.literal(words[1]) else { return nil }
            return chart.helpers[helper].map { kind in kind == .fullname ? fullname : shortName }
        case "default":
            guard words.count == 3, let fallback = argument(words[1]) else { return nil }
            let value = argument(words[2]) ?? ""
            return value.isEmpty ? fallback : value
        case "printf":
            guard words.count >= 2, let format = Self.literal(words[1]) else { return nil }
            var arguments: [String] = []
            for word in words.dropFirst(2) {
                guard let value = argument(word) else { return nil }
                arguments.append(value)
            }
            let pieces = format.split(separator: "%s", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == arguments.count + 1 else { return nil }
            return zip(pieces, arguments + [""]).map { $0 + $1 }.joined()
        default:
            guard words.count == 1 else { return nil }
            return argument(head)
        }
    }

    private func argument(_ word: String) -> String? {
        if let literal = Self.literal(word) { return literal }
        switch word {
        case ".Release.Name", "$.Release.Name": return release
        case ".Release.Namespace", "$.Release.Namespace": return namespace
        case ".Chart.Name", "$.Chart.Name": return chart.name
        default:
            guard let path = Self.valuesPath(word) else { return nil }
            return values.scalar(path) ?? ""
        }
    }

    private static func valuesPath(_ word: String) -> YAMLPath? {
        guard word.hasPrefix(".Values.") || word.hasPrefix("$.Values.") else { return nil }
        return ValuesReference.paths(in: word).first
    }

    private static func literal(_ word: String) -> String? {
        guard word.count >= 2, word.hasPrefix("\""), word.hasSuffix("\"") else { return nil }
        return String(word.dropFirst().dropLast())
    }

    /// The stages of a pipeline, split at `|` outside quotes.
    private static func stages(_ text: String) -> [String] {
        split(text, at: "|").map { $0.trimming(" \t") }
    }

    /// Space-separated words, a quoted string kept whole.
    static func words(_ text: String) -> [String] {
        split(text, at: " ").map { $0.trimming(" \t") }.filter { !$0.isEmpty }
    }

    private static func split(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == separator && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
