/// Picks documents of a multi-document file: `kind=Deployment,name=web`.
///
/// `kind` and `apiVersion` are top-level fields, `name` and `namespace` are under `metadata`,
/// and any other key is read as a path (`metadata.labels["app.kubernetes.io/name"]=web`).
public struct DocumentSelector: Sendable, Hashable, CustomStringConvertible {
    /// The conditions, all of which must hold: the scalar at `path` equals `value`.
    public var conditions: [(path: YAMLPath, value: String)] {
        zip(paths, values).map { ($0, $1) }
    }

    private var paths: [YAMLPath]
    private var values: [String]
    private let text: String

    public init(parsing text: String) throws(YAMLPathError) {
        self.text = text
        paths = []
        values = []
        var reader = PathReader(text: text)
        while !reader.atEnd {
            let start = reader.i
            var keyText = ""
            while let c = reader.current, c != "=" {
                if c == "," { throw reader.failure("expected key=value") }
                if c == "\"" {
                    let quoted = try reader.readWord(stoppingAt: ["="])
                    keyText += YAMLPath.quoted(quoted)
                    continue
                }
                keyText.unicodeScalars.append(c)
                reader.i += 1
            }
            guard reader.current == "=" else { throw reader.failure("expected '=' in key=value", at: start) }
            reader.i += 1
            let value = try reader.readWord(stoppingAt: [","])
            if reader.current == "," {
                reader.i += 1
                if reader.atEnd { throw reader.failure("expected key=value after ','") }
            }
            let path: YAMLPath
            switch keyText {
            case "kind", "apiVersion": path = YAMLPath([.key(keyText)])
            case "name", "namespace": path = YAMLPath([.key("metadata"), .key(keyText)])
            case "": throw reader.failure("empty key", at: start)
            default:
                do {
                    path = try YAMLPath(parsing: keyText)
                } catch {
                    throw YAMLPathError(text: text, position: start + error.position, message: error.message)
                }
            }
            paths.append(path)
            values.append(value)
        }
        if paths.isEmpty { throw YAMLPathError(text: text, position: 1, message: "empty selector") }
    }

    /// Whether every condition holds in the document.
    public func matches(_ document: YAMLDocument) -> Bool {
        zip(paths, values).allSatisfy { path, value in
            guard let node = document.node(at: path), node.kind == .scalar else { return false }
            return node.scalar == value
        }
    }

    public var description: String { text }

    public static func == (lhs: DocumentSelector, rhs: DocumentSelector) -> Bool {
        lhs.paths == rhs.paths && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(paths)
        hasher.combine(values)
    }
}
