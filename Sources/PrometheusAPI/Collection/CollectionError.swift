/// A collection that produced nothing usable: Prometheus unreachable, the pod-owner query failed,
/// every usage query failed, or no container had any series in the window.
public struct CollectionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The query failure behind it, if one.
    public var underlying: PrometheusError?

    public init(_ message: String, underlying: PrometheusError? = nil) {
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
