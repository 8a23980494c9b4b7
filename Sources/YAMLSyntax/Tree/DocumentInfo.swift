/// Where a document lies in the file.
struct DocumentInfo: Sendable {
    var root: Int
    /// First byte of the document's directives, `---`, or content.
    var start: Int
    /// Offset of `---`, when the document has one.
    var startMarker: Int?
    /// Offset of `...`, when the document has one.
    var endMarker: Int?
    /// The byte after the document (its `...` included).
    var end: Int
}
