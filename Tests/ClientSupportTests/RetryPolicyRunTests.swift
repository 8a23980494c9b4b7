import ClientSupport
import Testing

@Suite("Running attempts under a retry policy")
struct RetryPolicyRunTests {
    struct Failure: Error, Equatable {
        var attempt: Int
    }

    @Test("a retryable failure is retried until an attempt succeeds, pausing in between")
    func retriesUntilSuccess() async throws {
        var pauses: [(Duration, Int, Int)] = []
        let answer = try await RetryPolicy(maxAttempts: 3).run {
            attempt -> RetryPolicy.Outcome<String, Failure> in
            attempt < 3 ? .retry(Failure(attempt: attempt), after: .milliseconds(attempt)) : .success("ok")
        } pause: { wait, failure, next throws(Failure) in
            pauses.append((wait, failure.attempt, next))
        }
        #expect(answer == "ok")
        #expect(pauses.map(\.0) == [.milliseconds(1), .milliseconds(2)])
        #expect(pauses.map(\.1) == [1, 2])
        #expect(pauses.map(\.2) == [2, 3])
    }

    @Test("the last attempt's failure is thrown once every attempt is spent")
    func givesUp() async {
        var attempts = 0
        await #expect(throws: Failure(attempt: 2)) {
            try await RetryPolicy(maxAttempts: 2).run { attempt -> RetryPolicy.Outcome<String, Failure> in
                attempts += 1
                return .retry(Failure(attempt: attempt), after: .zero)
            } pause: { (_, _, _) throws(Failure) in
            }
        }
        #expect(attempts == 2)
    }

    @Test("a failure that is not retryable ends at once, without a pause")
    func doesNotRetryAFinalFailure() async {
        var paused = false
        await #expect(throws: Failure(attempt: 1)) {
            try await RetryPolicy(maxAttempts: 5).run { attempt -> RetryPolicy.Outcome<String, Failure> in
                .failure(Failure(attempt: attempt))
            } pause: { (_, _, _) throws(Failure) in
                paused = true
            }
        }
        #expect(!paused)
    }

    @Test("a pause that throws ends the run with its error")
    func pauseCanStop() async {
        await #expect(throws: Failure(attempt: 99)) {
            try await RetryPolicy(maxAttempts: 5).run { attempt -> RetryPolicy.Outcome<String, Failure> in
                .retry(Failure(attempt: attempt), after: .zero)
            } pause: { (_, _, _) throws(Failure) in
                throw Failure(attempt: 99)
            }
        }
    }

    @Test(
        "backoff doubles up to the maximum, the first wait included; Retry-After lengthens it up to the maximum"
    )
    func backoff() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(5))
        #expect(
            (1...5).map { policy.delay(afterAttempt: $0, retryAfter: nil) } == [
                .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5),
            ])
        #expect(
            RetryPolicy(initialDelay: .seconds(9), maxDelay: .seconds(5)).delay(
                afterAttempt: 1, retryAfter: nil) == .seconds(5))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(60)) == .seconds(5))
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
