import Logging

/// Merge requests on GitLab (gitlab.com or self-managed) through the REST API v4.
///
/// A merge request's ``PullRequest/number`` is its `iid`, the `!12` people see. Labels are sent
/// as GitLab's comma-separated list and replace the existing ones; GitLab creates missing labels.
public final class GitLabClient: ForgeClient {
    /// The API base URL of gitlab.com.
    public static let publicAPI = "https://gitlab.com/api/v4"

    /// The header that carries the token.
    public enum TokenHeader: Sendable, Equatable {
        /// `PRIVATE-TOKEN: <token>`, for personal, project and group access tokens.
        case privateToken
        /// `Authorization: Bearer <token>`, for OAuth 2 tokens (also accepted for access tokens).
        case bearer
    }

    public var kind: ForgeKind { .gitlab }

    /// The project the merge requests belong to; bot branches live in it.
    public let project: GitLabProject
    private let http: ForgeHTTP

    /// Makes a client for `project`.
    /// - Parameters:
    ///   - apiURL: `https://gitlab.com/api/v4`, or `https://HOST/api/v4` for a self-managed instance.
    ///   - tokenHeader: how the token is sent.
    ///   - limits: retries, the longest wait for a rate limit to reset, and the request timeout.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` for an unusable URL.
    public init(
        project: GitLabProject, apiURL: String = GitLabClient.publicAPI, token: ForgeToken,
        tokenHeader: TokenHeader = .privateToken, limits: ForgeLimits = .standard,
        logger: Logger = Logger(label: "steward.forge.gitlab")
    ) throws(ForgeError) {
        self.project = project
        let authorization =
            switch tokenHeader {
            case .privateToken: (name: "PRIVATE-TOKEN", value: token.secret)
            case .bearer: (name: "Authorization", value: "Bearer \(token.secret)")
            }
        self.http = try ForgeHTTP(
            forge: .gitlab, baseURL: RepositoryName.trimmed(apiURL), token: token,
            authorization: authorization,
            headers: [("Accept", "application/json")], limits: limits, logger: logger)
    }

    private var mergeRequestsPath: String { "/projects/\(project.pathSegment)/merge_requests" }

    public func findOpenPullRequest(head branch: String, base: String) async throws(ForgeError)
        -> PullRequest?
    {
        let pages = try await http.sendAllNumberedPages(
            mergeRequestsPath,
            query: [
                ("state", "opened"), ("source_branch", branch), ("target_branch", base), ("per_page", "100"),
            ])
        for page in pages {
            for payload in try http.decode([GitLabMergeRequestPayload].self, from: page)
            where payload.sourceBranch == branch && payload.targetBranch == base && payload.isFromSameProject
            {
                return payload.pullRequest
            }
        }
        return nil
    }

    public func createPullRequest(_ draft: PullRequestDraft) async throws(ForgeError) -> PullRequest {
        do {
            let response = try await http.send(
                .POST, mergeRequestsPath,
                json: .object([
                    ("source_branch", .string(draft.head)), ("target_branch", .string(draft.base)),
                    ("title", .string(draft.title)), ("description", .string(draft.body)),
                    ("labels", .string(draft.labels.joined(separator: ","))),
                ]))
            return try http.decode(GitLabMergeRequestPayload.self, from: response).pullRequest
        } catch let error where error.status == 409 {
            return try await updateExisting(draft, refusal: error)
        }
    }

    public func updatePullRequest(
        _ number: Int, title: String?, body: String?, labels: [String]?
    ) async throws(ForgeError) -> PullRequest {
        var fields: [(String, JSONValue)] = []
        if let title { fields.append(("title", .string(title))) }
        if let body { fields.append(("description", .string(body))) }
        if let labels { fields.append(("labels", .string(labels.joined(separator: ",")))) }
        // GitLab answers 400 to an update without any field, so an empty update only reads.
        let response =
            fields.isEmpty
            ? try await http.send(.GET, "\(mergeRequestsPath)/\(number)")
            : try await http.send(.PUT, "\(mergeRequestsPath)/\(number)", json: .object(fields))
        return try http.decode(GitLabMergeRequestPayload.self, from: response).pullRequest
    }

    public func comment(on number: Int, body: String) async throws(ForgeError) {
        _ = try await http.send(
            .POST, "\(mergeRequestsPath)/\(number)/notes", json: .object([("body", .string(body))]))
    }

    public func closePullRequest(_ number: Int, comment: String?) async throws(ForgeError) {
        if let comment { try await self.comment(on: number, body: comment) }
        _ = try await http.send(
            .PUT, "\(mergeRequestsPath)/\(number)", json: .object([("state_event", .string("close"))]))
    }

    public func openPullRequests(headPrefix: String) async throws(ForgeError) -> [PullRequest] {
        let pages = try await http.sendAllNumberedPages(
            mergeRequestsPath,
            query: [("state", "opened"), ("order_by", "created_at"), ("sort", "asc"), ("per_page", "100")])
        var found: [PullRequest] = []
        for page in pages {
            for payload in try http.decode([GitLabMergeRequestPayload].self, from: page)
            where payload.sourceBranch.hasPrefix(headPrefix) && payload.isFromSameProject {
                found.append(payload.pullRequest)
            }
        }
        return found
    }

    public func shutdown() async throws(ForgeError) {
        try await http.shutdown()
    }
}
