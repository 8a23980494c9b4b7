/// A response body that is not the JSON the Prometheus HTTP API documents.
struct ResponseFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    /// The 0-based byte offset in the body where parsing stopped.
    var offset: Int

    var description: String { "\(message) at byte \(offset)" }
}
