/// The data of a YAML node under the YAML 1.2 core schema, aliases expanded.
///
/// Integers that do not fit in `Int` are kept as `.string` with their source text, so that two
/// different big numbers never compare equal.
public indirect enum YAMLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case sequence([YAMLValue])
    case mapping([YAMLPair])

    /// NaN equals NaN here: the data of `.nan` in two parses is the same data.
    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .float(let d): hasher.combine(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
        case .string(let s): hasher.combine(s)
        case .sequence(let items): hasher.combine(items)
        case .mapping(let pairs): hasher.combine(pairs)
        }
    }

    /// The value of `key` in a mapping (compared with the key's scalar text).
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The text a scalar value reads as (`true`, `1`, `0.5`, `abc`); nil for null and collections.
    public var scalarText: String? {
        switch self {
        case .null, .sequence, .mapping: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return YAMLValue.format(d)
        case .string(let s): return s
        }
    }

    static func format(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        return String(d)
    }

    /// A compact flow-style rendering, for messages and reports.
    public var description: String {
        switch self {
        case .null: return "null"
        case .string(let s): return YAMLEmitter.quotedIfNeeded(s)
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{"
                + pairs.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
        default: return scalarText ?? ""
        }
    }
}
