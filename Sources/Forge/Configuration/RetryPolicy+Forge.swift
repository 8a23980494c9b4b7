import ClientSupport

extension RetryPolicy {
    /// Four attempts, backoff from one second up to 30 seconds: enough for a CronJob that runs
    /// hourly, short enough that a stuck forge fails the run visibly.
    public static let forge = RetryPolicy(maxAttempts: 4, initialDelay: .seconds(1), maxDelay: .seconds(30))
}
