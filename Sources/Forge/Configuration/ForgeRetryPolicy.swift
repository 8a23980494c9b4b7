/// How long and how often a client keeps trying when the forge is busy or failing.
public struct ForgeRetryPolicy: Sendable, Equatable {
    /// Attempts per request, the first included, when the forge answers 5xx, cannot be reached,
    /// or is rate limiting.
    public var maximumAttempts: Int
    /// The wait before the second attempt after a 5xx or connection failure; it doubles each time.
    public var initialBackoff: Duration
    /// The longest wait between two attempts after a 5xx or connection failure.
    public var maximumBackoff: Duration
    /// The longest Steward waits for a rate limit to reset (`Retry-After`, `X-RateLimit-Reset`);
    /// a longer announced wait fails at once with a ``ForgeError/Code/rateLimited`` error.
    public var maximumRateLimitWait: Duration
    /// The time one request may take, connection and body included.
    public var requestTimeout: Duration

    /// Describes a retry policy.
    public init(
        maximumAttempts: Int = 4, initialBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(30),
        maximumRateLimitWait: Duration = .seconds(120), requestTimeout: Duration = .seconds(30)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumRateLimitWait = maximumRateLimitWait
        self.requestTimeout = requestTimeout
    }

    /// Four attempts, backoff from one second, rate-limit waits up to two minutes: enough for a
    /// CronJob that runs hourly, short enough that a stuck forge fails the run visibly.
    public static let standard = ForgeRetryPolicy()

    /// The wait before attempt `attempt + 1` after a failed attempt `attempt` (1-based).
    func backoff(after attempt: Int) -> Duration {
        var wait = initialBackoff
        for _ in 1..<max(1, attempt) {
            wait *= 2
            if wait >= maximumBackoff { return maximumBackoff }
        }
        return min(wait, maximumBackoff)
    }
}
