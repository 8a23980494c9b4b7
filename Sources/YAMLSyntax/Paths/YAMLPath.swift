/// A path to nodes in a document: `spec.template.spec.containers[name=app].resources.limits.memory`.
///
/// Dot-separated mapping keys; a key with dots, brackets or quotes is written `["app.kubernetes.io/name"]`;
/// `[N]` is a sequence index, `[key=value]` the items whose scalar child `key` equals `value`,
/// and `[*]` every item.
public struct YAMLPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
        case match(key: String, value: String)
        case wildcard
    }

    public var components: [Component]

    public init(_ components: [Component]) {
        self.components = components
    }

    public func appending(_ component: Component) -> YAMLPath {
        YAMLPath(components + [component])
    }

    /// Whether every component names exactly one place (no `[k=v]`, no `[*]`).
    public var isConcrete: Bool {
        components.allSatisfy {
            switch $0 {
            case .key, .index: return true
            case .match, .wildcard: return false
            }
        }
    }

    /// Whether `self` is `other` or lies above it.
    public func isPrefix(of other: YAMLPath) -> Bool {
        components.count <= other.components.count
            && Array(other.components.prefix(components.count)) == components
    }

    /// The canonical text; parsing it gives back this path.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if YAMLPath.isBareKey(key) {
                    text += text.isEmpty ? key : "." + key
                } else {
                    text += "[" + YAMLPath.quoted(key) + "]"
                }
            case .index(let i):
                text += "[\(i)]"
            case .match(let key, let value):
                let k = YAMLPath.isBareKey(key) ? key : YAMLPath.quoted(key)
                let v = YAMLPath.isBareValue(value) ? value : YAMLPath.quoted(value)
                text += "[" + k + "=" + v + "]"
            case .wildcard:
                text += "[*]"
            }
        }
        return text
    }

    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { !"[].\"=\\ \t\n".unicodeScalars.contains($0) }
    }

    static func isBareValue(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { !"[]\"\\\t\n".unicodeScalars.contains($0) }
            && value.first != " " && value.last != " "
    }

    static func quoted(_ text: String) -> String {
        "\"" + quotedEscapes.apply(to: text) + "\""
    }

    private static let quotedEscapes = Escapes(table: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t"])
}
