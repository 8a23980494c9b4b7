/// One request the Argo CD fake received.
public struct ArgoCDFakeRequest: Sendable, Equatable {
    public let method: String
    /// The path with its query, as sent.
    public let target: String
    /// The `Authorization` header, if any.
    public let authorization: String?
    public let body: String

    /// `METHOD target`.
    public var line: String { "\(method) \(target)" }
}
