import Profiles

/// A query that failed, with the endpoint and the query it was, after any retries.
///
/// Built only from redacted text: neither a token nor a password can appear in it.
public struct PrometheusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a query failed.
    public enum Reason: Sendable, Equatable {
        /// No connection: refused, reset, DNS, TLS handshake.
        case unreachable(String)
        /// No complete answer within the timeout.
        case timeout(Duration)
        /// An HTTP status without a Prometheus error body, e.g. from a proxy.
        case httpStatus(Int, body: String)
        /// Prometheus' own error: `errorType` (`bad_data`, `execution`, `timeout`, …) and `error`.
        case api(errorType: String, message: String, httpStatus: Int)
        /// A body that is not the documented JSON, or too large.
        case malformedResponse(String)
    }

    /// The URL of the endpoint, e.g. `http://prometheus:9090/api/v1/query_range`.
    public var endpoint: String
    /// The PromQL sent.
    public var query: String
    public var reason: Reason
    /// How many times the request was sent.
    public var attempts: Int

    public var description: String {
        let tries = attempts > 1 ? " (gave up after \(attempts) attempts)" : ""
        return "\(endpoint): query \(Self.shortened(query)) failed: \(reasonText)\(tries)"
    }

    private var reasonText: String {
        switch reason {
        case .unreachable(let detail):
            return "cannot connect: \(detail)"
        case .timeout(let limit):
            return "no answer within \(PrometheusDuration(milliseconds: limit.milliseconds)) (--timeout)"
        case .httpStatus(let status, let body):
            return body.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(body)"
        case .api(let errorType, let message, let status):
            return "HTTP \(status), \(errorType): \(message)"
        case .malformedResponse(let detail):
            return "unexpected response: \(detail)"
        }
    }

    /// Collapses whitespace so that a multi-line query fits one log line.
    private static func shortened(_ query: String) -> String {
        let words = query.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 300 ? "\"\(words.prefix(300))…\"" : "\"\(words)\""
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
