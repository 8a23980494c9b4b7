extension RetryPolicy {
    /// What one attempt came to.
    package enum Outcome<Success, Failure: Error> {
        /// The answer; no further attempt.
        case success(Success)
        /// A failure another attempt would not change; thrown as it is.
        case failure(Failure)
        /// A failure worth another attempt after `wait`; thrown when no attempt is left.
        case retry(Failure, after: Duration)
    }

    /// Runs `attempt` with the attempt number (1-based) until it succeeds, fails for good, or has
    /// run ``maxAttempts`` times, calling `pause` between two attempts.
    ///
    /// `pause` gets the wait, the failure that asked for it and the number of the next attempt;
    /// it logs and sleeps, so each client keeps its own log line and its own answer to a
    /// cancellation during the wait. Write its `throws(Failure)` out: a closure that does not
    /// throw would otherwise make the compiler infer `Never` for `Failure`.
    package func run<Success, Failure: Error>(
        _ attempt: (_ number: Int) async -> Outcome<Success, Failure>,
        pause: (_ wait: Duration, _ failure: Failure, _ nextAttempt: Int) async throws(Failure) -> Void
    ) async throws(Failure) -> Success {
        var number = 1
        while true {
            switch await attempt(number) {
            case .success(let value):
                return value
            case .failure(let failure):
                throw failure
            case .retry(let failure, let wait):
                guard number < maxAttempts else { throw failure }
                try await pause(wait, failure, number + 1)
                number += 1
            }
        }
    }
}
