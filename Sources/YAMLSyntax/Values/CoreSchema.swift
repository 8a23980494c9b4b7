/// Resolution of untagged and tagged scalars under the YAML 1.2 core schema.
enum CoreSchema {
    static func resolve(_ text: String, plain: Bool, tag: String?) -> YAMLValue {
        switch tag {
        case "tag:yaml.org,2002:str", "!":
            return .string(text)
        case "tag:yaml.org,2002:null":
            return .null
        case "tag:yaml.org,2002:bool":
            return bool(text).map(YAMLValue.bool) ?? .string(text)
        case "tag:yaml.org,2002:int":
            return int(text) ?? .string(text)
        case "tag:yaml.org,2002:float":
            return float(text).map(YAMLValue.float) ?? .string(text)
        default:
            return plain ? resolvePlain(text) : .string(text)
        }
    }

    /// An untagged plain scalar: null, bool, int, float, or else a string.
    static func resolvePlain(_ text: String) -> YAMLValue {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let b = bool(text) { return .bool(b) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let i = int(text) { return i }
            if let d = float(text) { return .float(d) }
        default:
            break
        }
        return .string(text)
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; too large for `Int`: the text as a string.
    static func int(_ text: String) -> YAMLValue? {
        let bytes = Array(text.utf8)
        if bytes.count > 2 && bytes[0] == UInt8(ascii: "0")
            && (bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x"))
        {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            let valid = bytes[2...].allSatisfy {
                radix == 8 ? ($0 >= 0x30 && $0 <= 0x37) : Bytes.isHexDigit($0)
            }
            guard valid else { return nil }
            return Int(digits, radix: radix).map(YAMLValue.int) ?? .string(text)
        }
        var i = 0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { i = 1 }
        guard i < bytes.count, bytes[i...].allSatisfy(Bytes.isDigit) else { return nil }
        let digits = bytes.first == UInt8(ascii: "+") ? String(decoding: bytes[1...], as: UTF8.self) : text
        return Int(digits).map(YAMLValue.int) ?? .string(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf`, `.nan`.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let b = Array(text.utf8)
        var i = 0
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
        var intDigits = 0
        while i < b.count && Bytes.isDigit(b[i]) {
            i += 1
            intDigits += 1
        }
        var fracDigits = 0
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count && Bytes.isDigit(b[i]) {
                i += 1
                fracDigits += 1
            }
        }
        guard intDigits > 0 || fracDigits > 0 else { return nil }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            var expDigits = 0
            while i < b.count && Bytes.isDigit(b[i]) {
                i += 1
                expDigits += 1
            }
            guard expDigits > 0 else { return nil }
        }
        guard i == b.count else { return nil }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
            ?? Double(text.hasSuffix(".") ? text + "0" : text)
    }
}
