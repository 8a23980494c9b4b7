/// How a scalar's text can be written: plain when that reads back as the same string, else quoted.
enum ScalarText {
    /// Whether `text` written plain reads back as exactly this text (syntax only, not type).
    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        let s = Array(text.utf8)
        guard let first = s.first, let last = s.last else { return false }
        if Bytes.isBlank(first) || Bytes.isBlank(last) { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            guard s.count > 1, !Bytes.isBlank(s[1]), !(inFlow && Bytes.isFlowIndicator(s[1])) else {
                return false
            }
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            return false
        default:
            break
        }
        if last == UInt8(ascii: ":") { return false }
        for (i, c) in s.enumerated() {
            if c < 0x20 || c == 0x7F { return false }
            if c == UInt8(ascii: ":") && i + 1 < s.count
                && (Bytes.isBlank(s[i + 1]) || (inFlow && Bytes.isFlowIndicator(s[i + 1])))
            {
                return false
            }
            if c == UInt8(ascii: "#") && i > 0 && Bytes.isBlank(s[i - 1]) { return false }
            if inFlow && Bytes.isFlowIndicator(c) { return false }
        }
        for scalar in text.unicodeScalars
        where !isPrintable(scalar) || scalar == "\u{FEFF}" || scalar == "\u{85}" {
            return false
        }
        return true
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0x7E) || v == 0x85
            || (v >= 0xA0 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }

    /// Whether plain `text` reads as something other than a string under YAML 1.2's core schema,
    /// or under YAML 1.1 (yes/no/on/off, `1_000`, `0b1`, `1:30`, dates), which Kubernetes tools still use.
    static func readsAsNonString(_ text: String) -> Bool {
        if case .string = CoreSchema.resolvePlain(text) {} else { return true }
        switch text.lowercased() {
        case "y", "n", "yes", "no", "on", "off", "<<", "=": return true
        default: break
        }
        let s = Array(text.utf8)
        guard let first = s.first else { return true }
        let numberish =
            Bytes.isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".")
        guard numberish else { return false }
        let body = s.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        if body.starts(with: Array("0b".utf8)) && body.count > 2
            && body.dropFirst(2).allSatisfy({ $0 == 0x30 || $0 == 0x31 || $0 == 0x5F })
        {
            return true
        }
        let digitsAndSeparators = body.allSatisfy {
            Bytes.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
        }
        if digitsAndSeparators && body.contains(where: Bytes.isDigit)
            && (body.contains(UInt8(ascii: "_")) || body.contains(UInt8(ascii: ":")))
        {
            return true
        }
        if s.count >= 8 && s.prefix(4).allSatisfy(Bytes.isDigit) && s[4] == UInt8(ascii: "-") {
            return true
        }
        return false
    }

    static func doubleQuoted(_ text: String) -> String {
        let escaped = doubleQuotedEscapes.apply(to: text) { scalar in
            guard !isPrintable(scalar) else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "\"" + escaped + "\""
    }

    /// The named escapes of YAML's double-quoted style; other unprintable scalars are written as
    /// `\x` or `\u` and their code.
    private static let doubleQuotedEscapes = Escapes(table: [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\u{0}": "\\0", "\u{1B}": "\\e",
        "\u{85}": "\\N", "\u{2028}": "\\L", "\u{2029}": "\\P", "\u{FEFF}": "\\uFEFF",
    ])

    /// Single-quoted, when the text has no line breaks or unprintable characters; else nil.
    static func singleQuoted(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy({ isPrintable($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        else {
            return nil
        }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
            + "'"
    }

    /// Plain when safe and still a string; double-quoted otherwise.
    static func string(_ text: String, inFlow: Bool) -> String {
        isPlainSafe(text, inFlow: inFlow) && !readsAsNonString(text) ? text : doubleQuoted(text)
    }
}
