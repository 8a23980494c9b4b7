/// Bounded retries with exponential backoff, for HTTP 5xx, 429 and connection errors.
///
/// A query that ran past its timeout is not retried: Prometheus is then likely overloaded, and
/// the same query would only add to its load (KRR's users saw their queries crash Prometheus).
public struct RetryPolicy: Sendable, Equatable {
    /// How many times a request is sent at most, the first time included.
    public var maxAttempts: Int
    /// The wait before the second attempt; each further wait doubles, up to ``maxDelay``.
    public var initialDelay: Duration
    public var maxDelay: Duration

    public init(
        maxAttempts: Int = 3, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// The wait after failed attempt number `attempt` (1-based); a server's `Retry-After` wins when
    /// it asks for longer, up to ``maxDelay``.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(1, attempt) {
            delay = min(delay * 2, maxDelay)
        }
        if let retryAfter, retryAfter > delay {
            delay = min(retryAfter, maxDelay)
        }
        return delay
    }
}
