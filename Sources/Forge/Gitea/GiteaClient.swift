import Logging

/// Pull requests on Gitea or Forgejo through the API v1.
///
/// Requests carry `Authorization: token <token>`. Gitea refers to labels by id, so the client
/// looks the names up among the repository's labels and creates the missing ones (GitHub and
/// GitLab do that on their own). Gitea's list has no filter by branch; the client reads the
/// open pull requests page by page and picks the one for the branch.
public final class GiteaClient: ForgeClient {
    /// The colour of labels Steward creates.
    public static let labelColor = "#ededed"

    public var kind: ForgeKind { .gitea }

    /// The repository owner (user or organization); bot branches live in this repository.
    public var owner: String { api.owner }
    /// The repository name.
    public var repository: String { api.repository }
    private let api: RepositoryEndpoints
    private var http: ForgeHTTP { api.http }

    /// Makes a client for `owner/repository`.
    /// - Parameters:
    ///   - apiURL: `https://HOST/api/v1` (Gitea and Forgejo have no public default).
    ///   - limits: retries, the longest wait for a rate limit to reset, and the request timeout.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` for an unusable URL or name.
    public init(
        owner: String, repository: String, apiURL: String, token: ForgeToken,
        limits: ForgeLimits = .standard, logger: Logger = Logger(label: "steward.forge.gitea")
    ) throws(ForgeError) {
        api = try RepositoryEndpoints(
            forge: .gitea, owner: owner, repository: repository, apiURL: apiURL, token: token,
            authorization: ("Authorization", "token \(token.secret)"),
            headers: [("Accept", "application/json")],
            limits: limits, logger: logger)
    }

    public func findOpenPullRequest(head branch: String, base: String) async throws(ForgeError)
        -> PullRequest?
    {
        try await openPayloads().first {
            $0.head.ref == branch && $0.base.ref == base && $0.isFromSameRepository
        }?.pullRequest
    }

    public func createPullRequest(_ draft: PullRequestDraft) async throws(ForgeError) -> PullRequest {
        let labelIDs = try await labelIDs(for: draft.labels)
        do {
            let response = try await http.send(
                .POST, "\(api.path)/pulls",
                json: .object([
                    ("head", .string(draft.head)), ("base", .string(draft.base)),
                    ("title", .string(draft.title)),
                    ("body", .string(draft.body)), ("labels", .array(labelIDs.map(JSONValue.int))),
                ]))
            return try http.decode(GiteaPullRequestPayload.self, from: response).pullRequest
        } catch let error where error.status == 409 {
            guard let existing = try await findOpenPullRequest(head: draft.head, base: draft.base) else {
                throw error
            }
            return try await update(existing.number, title: draft.title, body: draft.body, labelIDs: labelIDs)
        }
    }

    public func updatePullRequest(
        _ number: Int, title: String?, body: String?, labels: [String]?
    ) async throws(ForgeError) -> PullRequest {
        let labelIDs: [Int]? = if let labels { try await self.labelIDs(for: labels) } else { nil }
        return try await update(number, title: title, body: body, labelIDs: labelIDs)
    }

    public func comment(on number: Int, body: String) async throws(ForgeError) {
        try await api.comment(on: number, body: body)
    }

    public func closePullRequest(_ number: Int, comment: String?) async throws(ForgeError) {
        try await api.closePullRequest(number, comment: comment)
    }

    public func openPullRequests(headPrefix: String) async throws(ForgeError) -> [PullRequest] {
        try await openPayloads().filter { $0.head.ref.hasPrefix(headPrefix) && $0.isFromSameRepository }
            .map(\.pullRequest)
    }

    public func shutdown() async throws(ForgeError) {
        try await http.shutdown()
    }

    private func openPayloads() async throws(ForgeError) -> [GiteaPullRequestPayload] {
        // 50 is Gitea's default MAX_RESPONSE_ITEMS; a larger limit is cut to it anyway.
        try await api.list(
            GiteaPullRequestPayload.self, "/pulls",
            query: [("state", "open"), ("sort", "oldest"), ("limit", "50")])
    }

    private func update(
        _ number: Int, title: String?, body: String?, labelIDs: [Int]?
    ) async throws(ForgeError) -> PullRequest {
        // Gitea answers an edit with 201 and the updated pull request.
        let response = try await api.editPullRequest(
            number, title: title, body: body,
            fields: labelIDs.map { [("labels", .array($0.map(JSONValue.int)))] } ?? [])
        return try http.decode(GiteaPullRequestPayload.self, from: response).pullRequest
    }

    /// The ids of the repository labels named `names`, in that order, creating missing ones.
    private func labelIDs(for names: [String]) async throws(ForgeError) -> [Int] {
        guard !names.isEmpty else { return [] }
        var known: [String: Int] = [:]
        for label in try await api.list(GiteaLabelPayload.self, "/labels", query: [("limit", "50")])
        where known[label.name] == nil {
            known[label.name] = label.id
        }
        var ids: [Int] = []
        for name in names {
            if let id = known[name] {
                ids.append(id)
                continue
            }
            let response = try await http.send(
                .POST, "\(api.path)/labels",
                json: .object([("name", .string(name)), ("color", .string(Self.labelColor))]))
            let created = try http.decode(GiteaLabelPayload.self, from: response)
            known[name] = created.id
            ids.append(created.id)
        }
        return ids
    }
}
