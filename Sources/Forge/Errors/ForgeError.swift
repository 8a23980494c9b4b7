/// A failure talking to a forge, with enough context to act on it.
///
/// Every error names the forge and, when a request was involved, the request (`POST
/// /repos/acme/deploy/pulls`, the path relative to the API base URL) and the status with the
/// forge's own message. Messages never contain the token: the HTTP layer removes it from
/// anything the forge echoes back.
public struct ForgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, so callers can react without parsing messages.
    public enum Code: Sendable, Equatable {
        /// The forge rejected the token (401).
        case unauthorized
        /// The token is valid but may not do this (403 that is not a rate limit).
        case forbidden
        /// The repository, project or pull request does not exist, or the token cannot see it (404).
        case notFound
        /// The forge refused the change as it stands (409, 422): a duplicate, a missing branch, …
        case conflict
        /// The forge's rate limit outlasted the wait Steward allows, or kept answering after retries.
        case rateLimited
        /// The forge kept failing with 5xx after every retry.
        case serverError
        /// The forge answered with a status Steward does not expect here (a redirect, a 400, …).
        case unexpectedStatus
        /// The forge could not be reached (connection refused, TLS failure, timeout).
        case transport
        /// The forge answered with a body Steward cannot read.
        case invalidResponse
        /// The configuration cannot work: a bad URL, repository name or token file.
        case invalidConfiguration
        /// The `none` forge could not write its output.
        case output
    }

    /// What kind of failure this is.
    public let code: Code
    /// The forge involved.
    public let forge: ForgeKind
    /// The request as `METHOD /path` relative to the API base URL, when there was one.
    public let request: String?
    /// The HTTP status the forge answered with, when it answered.
    public let status: Int?
    /// The forge's own message (`Bad credentials`), or Steward's when the forge gave none.
    public let message: String
    /// Steward's explanation of what it did or what to do, when there is more to say.
    public let detail: String?

    /// Makes an error value.
    public init(
        code: Code, forge: ForgeKind, request: String? = nil, status: Int? = nil, message: String,
        detail: String? = nil
    ) {
        self.code = code
        self.forge = forge
        self.request = request
        self.status = status
        self.message = message
        self.detail = detail
    }

    public var description: String {
        let name = forge.displayName
        let on = request.map { " for \($0)" } ?? ""
        // GitLab's messages repeat the status ("401 Unauthorized"); say it once.
        let answer = status.map { message.hasPrefix("\($0) ") ? message : "\($0) \(message)" } ?? message
        var text: String
        switch code {
        case .unauthorized:
            text = "\(name) rejected the token (\(answer))\(on)"
        case .forbidden:
            text = "\(name) refused access (\(answer))\(on)"
        case .notFound:
            text = "\(name) found nothing (\(answer))\(on)"
        case .conflict:
            text = "\(name) refused the change (\(answer))\(on)"
        case .rateLimited:
            text = "\(name) rate limit reached (\(answer))\(on)"
        case .serverError:
            text = "\(name) failed (\(answer))\(on)"
        case .unexpectedStatus:
            text = "\(name) answered \(answer)\(on)"
        case .transport:
            text = "could not reach \(name)\(on): \(message)"
        case .invalidResponse:
            text = "\(name) sent an answer Steward cannot read\(on): \(message)"
        case .invalidConfiguration:
            text = "\(name) configuration: \(message)"
        case .output:
            text = "\(name): \(message)"
        }
        if let detail { text += "; \(detail)" }
        return text
    }
}
