import ClientSupport

/// How hard a forge client tries: how often a request is retried after a server error, a
/// connection failure or a rate limit, how long it waits for a rate limit to reset, and how long
/// one request may take.
public struct ForgeLimits: Sendable, Equatable {
    /// The retries and the backoff in between.
    public var retry: RetryPolicy
    /// The longest Steward waits for a rate limit to reset (`Retry-After`, `X-RateLimit-Reset`);
    /// a longer announced wait fails at once with a ``ForgeError/Code/rateLimited`` error.
    public var maximumRateLimitWait: Duration
    /// The time one request may take, connection and body included.
    public var requestTimeout: Duration

    /// Describes the limits. Two minutes of rate-limit wait let an hourly run wait out GitHub's
    /// secondary limits, not a primary one; a request may take thirty seconds.
    public init(
        retry: RetryPolicy = .forge, maximumRateLimitWait: Duration = .seconds(120),
        requestTimeout: Duration = .seconds(30)
    ) {
        self.retry = retry
        self.maximumRateLimitWait = maximumRateLimitWait
        self.requestTimeout = requestTimeout
    }

    /// The limits a run uses: ``RetryPolicy/forge``, 120 s, 30 s.
    public static let standard = ForgeLimits()
}
