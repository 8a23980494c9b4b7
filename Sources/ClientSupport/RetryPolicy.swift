/// Bounded retries with exponential backoff: how often a client sends a request and how long it
/// waits in between. Which failures are worth another attempt is the client's to say (see
/// ``run(_:pause:)``).
///
/// The defaults suit Prometheus: a query that failed three times in a few seconds is reported
/// rather than waited on. The forge clients bring their own (`RetryPolicy.forge` in `Forge`).
public struct RetryPolicy: Sendable, Equatable {
    /// How many times a request is sent at most, the first time included.
    public var maxAttempts: Int
    /// The wait before the second attempt; each further wait doubles, up to ``maxDelay``.
    public var initialDelay: Duration
    /// The longest backoff between two attempts.
    public var maxDelay: Duration

    /// Describes a policy; fewer than one attempt means one.
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
        var delay = min(initialDelay, maxDelay)
        for _ in 1..<max(1, attempt) {
            delay = min(delay * 2, maxDelay)
        }
        if let retryAfter, retryAfter > delay {
            delay = min(retryAfter, maxDelay)
        }
        return delay
    }
}
