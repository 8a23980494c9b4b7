import Foundation

/// One request the forge server received, recorded before it was answered.
public struct ForgeServerRequest: Sendable {
    /// `GET`, `POST`, …
    public let method: String
    /// The path as sent, still percent-encoded, without the query (`/api/v3/repos/acme/deploy/pulls`).
    public let path: String
    /// The query parameters, decoded, in the order sent.
    public let query: [(name: String, value: String)]
    /// The headers, in the order sent.
    public let headers: [(name: String, value: String)]
    /// The body bytes.
    public let body: [UInt8]

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The body as text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// `METHOD path`, for assertions on the sequence of requests.
    public var line: String { "\(method) \(path)" }

    /// The body parsed as a JSON object, or `nil`.
    var jsonObject: [String: Any]? {
        guard !body.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
