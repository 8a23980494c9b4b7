import Logging

/// Pull requests on GitHub or GitHub Enterprise Server through the REST API v3.
///
/// Requests carry `Authorization: Bearer <token>`, `Accept: application/vnd.github+json` and
/// `X-GitHub-Api-Version: 2022-11-28`. Labels and comments go through the issues endpoints, as
/// GitHub documents for pull requests.
public final class GitHubClient: ForgeClient {
    /// The API base URL of github.com.
    public static let publicAPI = "https://api.github.com"
    /// The REST API version Steward was written against.
    public static let apiVersion = "2022-11-28"

    public var kind: ForgeKind { .github }

    /// The repository owner (user or organization); bot branches live in this repository.
    public var owner: String { api.owner }
    /// The repository name.
    public var repository: String { api.repository }
    private let api: RepositoryEndpoints
    private var http: ForgeHTTP { api.http }

    /// Makes a client for `owner/repository`.
    /// - Parameters:
    ///   - apiURL: `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server.
    ///   - limits: retries, the longest wait for a rate limit to reset, and the request timeout.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` for an unusable URL or name.
    public init(
        owner: String, repository: String, apiURL: String = GitHubClient.publicAPI, token: ForgeToken,
        limits: ForgeLimits = .standard, logger: Logger = Logger(label: "steward.forge.github")
    ) throws(ForgeError) {
        api = try RepositoryEndpoints(
            forge: .github, owner: owner, repository: repository, apiURL: apiURL, token: token,
            authorization: ("Authorization", "Bearer \(token.secret)"),
            headers: [("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", Self.apiVersion)],
            limits: limits, logger: logger)
    }

    public func findOpenPullRequest(head branch: String, base: String) async throws(ForgeError)
        -> PullRequest?
    {
        // GitHub silently ignores a `head` without the `owner:` prefix and lists every pull
        // request; the client-side filter below holds even if a server does that anyway.
        let payloads = try await api.list(
            GitHubPullRequestPayload.self, "/pulls",
            query: [("state", "open"), ("head", "\(owner):\(branch)"), ("base", base), ("per_page", "100")])
        return payloads.first {
            $0.head.ref == branch && $0.base.ref == base && $0.isFrom(api.fullName)
        }?.pullRequest
    }

    public func createPullRequest(_ draft: PullRequestDraft) async throws(ForgeError) -> PullRequest {
        let created: PullRequest
        do {
            let response = try await http.send(
                .POST, "\(api.path)/pulls",
                json: .object([
                    ("title", .string(draft.title)), ("head", .string(draft.head)),
                    ("base", .string(draft.base)),
                    ("body", .string(draft.body)), ("maintainer_can_modify", .bool(true)),
                ]))
            created = try http.decode(GitHubPullRequestPayload.self, from: response).pullRequest
        } catch let error where error.status == 422 && error.message.contains("already exists") {
            return try await updateExisting(draft, refusal: error)
        }
        guard !draft.labels.isEmpty else { return created }
        var labelled = created
        labelled.labels = try await setLabels(created.number, draft.labels)
        return labelled
    }

    public func updatePullRequest(
        _ number: Int, title: String?, body: String?, labels: [String]?
    ) async throws(ForgeError) -> PullRequest {
        let response = try await api.editPullRequest(number, title: title, body: body)
        var pullRequest = try http.decode(GitHubPullRequestPayload.self, from: response).pullRequest
        if let labels {
            pullRequest.labels = try await setLabels(number, labels)
        }
        return pullRequest
    }

    public func comment(on number: Int, body: String) async throws(ForgeError) {
        try await api.comment(on: number, body: body)
    }

    public func closePullRequest(_ number: Int, comment: String?) async throws(ForgeError) {
        try await api.closePullRequest(number, comment: comment)
    }

    public func openPullRequests(headPrefix: String) async throws(ForgeError) -> [PullRequest] {
        try await api.list(
            GitHubPullRequestPayload.self, "/pulls",
            query: [("state", "open"), ("sort", "created"), ("direction", "asc"), ("per_page", "100")]
        ).filter { $0.head.ref.hasPrefix(headPrefix) && $0.isFrom(api.fullName) }.map(\.pullRequest)
    }

    public func shutdown() async throws(ForgeError) {
        try await http.shutdown()
    }

    /// Replaces the labels (`PUT /repos/{owner}/{repo}/issues/{number}/labels`); GitHub creates
    /// labels that do not exist yet.
    private func setLabels(_ number: Int, _ labels: [String]) async throws(ForgeError) -> [String] {
        let response = try await http.send(
            .PUT, "\(api.path)/issues/\(number)/labels",
            json: .object([("labels", .array(labels.map(JSONValue.string)))]))
        return try http.decode([GitHubLabelPayload].self, from: response).map(\.name)
    }
}
