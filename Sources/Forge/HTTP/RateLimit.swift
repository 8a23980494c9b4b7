import ClientSupport
import Foundation

/// Whether an answer is a rate limit, and how long the forge asks to wait.
///
/// GitHub answers 403 or 429 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch
/// seconds) for its primary limit, and `retry-after` (seconds) for secondary limits. GitLab
/// answers 429 with `Retry-After` and `RateLimit-Reset`. Gitea has no limit of its own, but a
/// proxy in front of it answers 429, usually with `Retry-After`.
struct RateLimit: Sendable, Equatable {
    /// The announced wait, or `nil` when the forge gave no hint.
    let wait: Duration?

    /// The rate limit `response` announces, or `nil` when it is not one.
    init?(_ response: ForgeResponse, now: Date) {
        let remaining = response.header("x-ratelimit-remaining") ?? response.header("ratelimit-remaining")
        let retryAfter = response.header("retry-after")
        switch response.status {
        case 429:
            break
        case 403 where remaining == "0" || retryAfter != nil:
            break
        default:
            return nil
        }
        if let retryAfter, let wait = RetryAfter.wait(retryAfter, now: now) {
            self.wait = wait
        } else if let reset = response.header("x-ratelimit-reset") ?? response.header("ratelimit-reset"),
            let epoch = Double(reset)
        {
            self.wait = .milliseconds(Int64((max(0, epoch - now.timeIntervalSince1970) * 1000).rounded(.up)))
        } else {
            self.wait = nil
        }
    }
}
