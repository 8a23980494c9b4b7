/// A wrong answer the forge server gives instead of the right one, to test how clients cope.
///
/// Faults are checked in the order they were added; the first one that matches a request and
/// has answers left answers it. Each forge's fault answers use that forge's real status codes,
/// headers and bodies.
public struct ForgeServerFault: Sendable {
    /// What the server answers.
    public enum Answer: Sendable {
        /// A server error: 500 with the forge's JSON error, other codes with a proxy's HTML page.
        case serverError(Int)
        /// A rate limit with `Retry-After: seconds` (GitHub: 403 secondary limit; GitLab and
        /// Gitea's proxy: 429).
        case retryAfter(seconds: Int)
        /// A rate limit with zero requests remaining and a reset time `seconds` from now (GitHub:
        /// 403 with `x-ratelimit-*`; GitLab: 429 with `RateLimit-*`; Gitea's proxy: 429 with
        /// `X-RateLimit-*`).
        case resetAfter(seconds: Int)
        /// Anything else, verbatim.
        case raw(status: Int, headers: [(String, String)], body: String)
    }

    /// The answer.
    public var answer: Answer
    /// How many requests it answers.
    public var times: Int
    /// Only requests with this method, when set.
    public var method: String?
    /// Only requests whose path contains this, when set.
    public var pathContains: String?

    /// A fault answering the next `times` matching requests with `answer`.
    public init(_ answer: Answer, times: Int = 1, method: String? = nil, pathContains: String? = nil) {
        self.answer = answer
        self.times = times
        self.method = method
        self.pathContains = pathContains
    }

    func matches(_ request: ForgeServerRequest) -> Bool {
        times > 0 && (method == nil || method == request.method)
            && (pathContains.map { request.path.contains($0) } ?? true)
    }
}
