/// Writes data as block-style YAML for files Steward creates (Kustomize patches, profiles):
/// keys in the order given, `indent` spaces per level, sequences indented under their key,
/// quotes only where a plain scalar would read differently, multi-line strings as `|` blocks.
/// The output parses back to the same data.
public enum YAMLEmitter {
    public static func emit(_ value: YAMLValue, indent: Int = 2) -> String {
        let step = max(indent, 1)
        var out = ""
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty:
            mapping(pairs, column: 0, step: step, into: &out)
        case .sequence(let items) where !items.isEmpty:
            sequence(items, column: 0, step: step, into: &out)
        default:
            out = inline(value, column: 0, step: step) + "\n"
        }
        return out
    }

    /// A scalar or empty collection as it would appear after `key: `.
    static func inline(_ value: YAMLValue, column: Int, step: Int) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d):
            let text = YAMLValue.format(d)
            return text.contains(".") || text.contains("e") || text.contains("inf") || text.contains("nan")
                ? text : text + ".0"
        case .string(let s): return string(s, column: column, step: step)
        case .sequence: return "[]"
        case .mapping: return "{}"
        }
    }

    /// A string: plain, double-quoted, or a literal block for multi-line text.
    private static func string(_ s: String, column: Int, step: Int) -> String {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        let blockable =
            s.contains("\n")
            && s.unicodeScalars.allSatisfy {
                ScalarText.isPrintable($0) && $0 != "\r" && $0 != "\u{FEFF}" && $0 != "\u{85}"
                    && $0 != "\u{2028}" && $0 != "\u{2029}"
            }
            && !(lines.first(where: { !$0.isEmpty })?.first?.isWhitespace ?? false)
            && !lines.contains { $0.last == " " || $0.last == "\t" }
        guard blockable else { return ScalarText.string(s, inFlow: false) }
        var body = lines
        var chomp = "-"
        if body.last == "" {
            body.removeLast()
            chomp = ""
            if body.last == "" { chomp = "+" }
        }
        if chomp == "+" {
            while body.last == "" { body.removeLast() }
            let trailing = lines.count - 1 - body.count
            let pad = String(repeating: " ", count: column + step)
            var text = "|+"
            for line in body { text += "\n" + (line.isEmpty ? "" : pad + line) }
            text += String(repeating: "\n", count: trailing)
            return text
        }
        let pad = String(repeating: " ", count: column + step)
        var text = "|" + chomp
        for line in body { text += "\n" + (line.isEmpty ? "" : pad + line) }
        return text
    }

    static func key(_ value: YAMLValue) -> String {
        switch value {
        case .string(let s):
            return ScalarText.string(s, inFlow: false).contains("\n")
                ? ScalarText.doubleQuoted(s) : ScalarText.string(s, inFlow: false)
        case .sequence, .mapping: return ScalarText.doubleQuoted(value.description)
        default: return inline(value, column: 0, step: 2)
        }
    }

    private static func mapping(
        _ pairs: [YAMLPair], column: Int, step: Int, into out: inout String, firstInline: Bool = false
    ) {
        let pad = String(repeating: " ", count: column)
        for (i, pair) in pairs.enumerated() {
            out += (i == 0 && firstInline ? "" : pad) + key(pair.key) + ":"
            value(pair.value, column: column, step: step, into: &out)
        }
    }

    private static func value(_ value: YAMLValue, column: Int, step: Int, into out: inout String) {
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty:
            out += "\n"
            mapping(pairs, column: column + step, step: step, into: &out)
        case .sequence(let items) where !items.isEmpty:
            out += "\n"
            sequence(items, column: column + step, step: step, into: &out)
        default:
            out += " " + inline(value, column: column, step: step) + "\n"
        }
    }

    private static func sequence(
        _ items: [YAMLValue], column: Int, step: Int, into out: inout String, firstInline: Bool = false
    ) {
        let pad = String(repeating: " ", count: column)
        for (i, item) in items.enumerated() {
            out += (i == 0 && firstInline ? "" : pad) + "-"
            switch item {
            case .mapping(let pairs) where !pairs.isEmpty:
                out += " "
                mapping(pairs, column: column + 2, step: step, into: &out, firstInline: true)
            case .sequence(let nested) where !nested.isEmpty:
                out += " "
                sequence(nested, column: column + 2, step: step, into: &out, firstInline: true)
            default:
                out += " " + inline(item, column: column, step: step) + "\n"
            }
        }
    }

    /// A string as a plain scalar when that reads back the same, else double-quoted.
    public static func quotedIfNeeded(_ text: String) -> String {
        ScalarText.string(text, inFlow: true)
    }
}
