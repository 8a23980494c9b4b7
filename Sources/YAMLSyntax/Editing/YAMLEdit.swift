/// A change to make to a file's data, applied byte-minimally by `YAMLFile.applying(_:)`.
public enum YAMLEdit: Sendable, Hashable {
    /// Sets the scalar at `path` to the text `value`, keeping its quoting style (quoting only when
    /// the plain text would read as another type); creates missing mapping keys along the path.
    case set(document: Int, path: YAMLPath, value: String)
    /// Removes the mapping key at `path`, with its value.
    case delete(document: Int, path: YAMLPath)

    public var document: Int {
        switch self {
        case .set(let document, _, _), .delete(let document, _): return document
        }
    }

    public var path: YAMLPath {
        switch self {
        case .set(_, let path, _), .delete(_, let path): return path
        }
    }
}
