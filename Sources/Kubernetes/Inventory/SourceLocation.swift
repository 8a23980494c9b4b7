import YAMLSyntax

/// A place in the repository: a file, a document of it, and a YAML path inside that document.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, relative to the repository root, with `/` separators.
    public var file: String
    /// The 0-based index of the document inside the file.
    public var document: Int
    /// The path inside the document (`docs/yaml.md`); the root for a whole document.
    public var path: YAMLPath

    public init(file: String, document: Int, path: YAMLPath = YAMLPath([])) {
        self.file = file
        self.document = document
        self.path = path
    }

    /// The same document with `component` appended to the path.
    public func appending(_ component: YAMLPath.Component) -> SourceLocation {
        SourceLocation(file: file, document: document, path: path.appending(component))
    }

    /// The same document with `components` appended to the path.
    public func appending(_ components: [YAMLPath.Component]) -> SourceLocation {
        SourceLocation(file: file, document: document, path: YAMLPath(path.components + components))
    }

    /// `file#document:path`, e.g. `base/web.yaml#0:spec.replicas`.
    public var description: String { "\(file)#\(document):\(path)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.document, lhs.path.description) < (rhs.file, rhs.document, rhs.path.description)
    }
}
