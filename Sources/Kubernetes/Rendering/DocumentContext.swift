import YAMLSyntax

/// Names the document being read, so that what is read from it carries its location; for a
/// document embedded in a string (an inline patch, `helm.values`) every location is the string's.
struct DocumentContext: Sendable {
    var file: String
    var document: Int
    var embedded: Embedding?

    /// The string a document was parsed from.
    struct Embedding: Sendable {
        var location: SourceLocation
        var line: Int
        var column: Int
        var reason: String
    }

    init(file: String, document: Int, embedded: Embedding? = nil) {
        self.file = file
        self.document = document
        self.embedded = embedded
    }

    /// The location of `node`, reached by `path` in the document.
    func location(_ path: YAMLPath, _ node: YAMLNode) -> FieldLocation {
        if let embedded {
            return FieldLocation(
                location: embedded.location, line: embedded.line, column: embedded.column,
                readOnlyReason: embedded.reason)
        }
        let start = node.start
        return FieldLocation(
            location: SourceLocation(file: file, document: document, path: path), line: start.line,
            column: start.column)
    }

    /// The document as a location (the root path).
    var origin: SourceLocation {
        embedded?.location ?? SourceLocation(file: file, document: document)
    }
}
