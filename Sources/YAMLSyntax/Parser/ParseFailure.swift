/// A syntax error at a byte offset; `YAMLFile` turns it into a `YAMLError` with line and column.
struct ParseFailure: Error {
    var offset: Int
    var message: String
}
