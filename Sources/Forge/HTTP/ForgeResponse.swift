import NIOHTTP1

/// A forge's complete answer to one request.
struct ForgeResponse: Sendable {
    /// The HTTP status code.
    let status: Int
    /// The response headers.
    let headers: HTTPHeaders
    /// The whole body.
    let body: [UInt8]
    /// `METHOD /path` relative to the API base, for messages.
    let request: String

    /// The first value of a header, compared case-insensitively, trimmed.
    func header(_ name: String) -> String? {
        headers.first(name: name)?.trimmingCharacters(in: .whitespaces)
    }
}
