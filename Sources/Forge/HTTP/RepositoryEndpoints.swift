import ClientSupport
import Logging

/// One repository under GitHub's REST layout, `/repos/{owner}/{name}`, which Gitea and Forgejo
/// mirror: the calls both forges answer alike. What differs between them (labels, the answer to a
/// duplicate pull request, list filters) stays in each client.
struct RepositoryEndpoints: Sendable {
    /// The repository owner (user or organization).
    let owner: String
    /// The repository name.
    let repository: String
    let http: ForgeHTTP

    /// Checks the name and makes the HTTP client for `apiURL`.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` for an unusable URL or name.
    init(
        forge: ForgeKind, owner: String, repository: String, apiURL: String, token: ForgeToken,
        authorization: (name: String, value: String), headers: [(String, String)],
        limits: ForgeLimits, logger: Logger
    ) throws(ForgeError) {
        try RepositoryName.check(owner: owner, name: repository, forge: forge)
        self.owner = owner
        self.repository = repository
        http = try ForgeHTTP(
            forge: forge, baseURL: RepositoryName.trimmed(apiURL), token: token,
            authorization: authorization, headers: headers, limits: limits, logger: logger)
    }

    /// `/repos/{owner}/{name}`, percent-encoded.
    var path: String {
        "/repos/\(URLComponent.encoded(owner))/\(URLComponent.encoded(repository))"
    }

    /// `owner/name`.
    var fullName: String { "\(owner)/\(repository)" }

    /// Every item of the list at `subpath` (`/pulls`), across the pages the `Link` header names.
    func list<Item: Decodable>(
        _ item: Item.Type, _ subpath: String, query: [(String, String)]
    ) async throws(ForgeError) -> [Item] {
        var items: [Item] = []
        for page in try await http.sendAllLinkedPages(path + subpath, query: query) {
            items += try http.decode([Item].self, from: page)
        }
        return items
    }

    /// Sets the `title`, `body` and `fields` given on pull request `number` and answers the pull
    /// request as it is then; with nothing to set it only reads it.
    func editPullRequest(
        _ number: Int, title: String?, body: String?, fields: [(String, JSONValue)] = []
    ) async throws(ForgeError) -> ForgeResponse {
        var changed: [(String, JSONValue)] = []
        if let title { changed.append(("title", .string(title))) }
        if let body { changed.append(("body", .string(body))) }
        changed += fields
        return changed.isEmpty
            ? try await http.send(.GET, "\(path)/pulls/\(number)")
            : try await http.send(.PATCH, "\(path)/pulls/\(number)", json: .object(changed))
    }

    /// Adds a comment through the issues endpoint, which serves pull requests too.
    func comment(on number: Int, body: String) async throws(ForgeError) {
        _ = try await http.send(
            .POST, "\(path)/issues/\(number)/comments", json: .object([("body", .string(body))]))
    }

    /// Closes pull request `number` without merging it, after leaving `comment` when given.
    func closePullRequest(_ number: Int, comment: String?) async throws(ForgeError) {
        if let comment { try await self.comment(on: number, body: comment) }
        _ = try await http.send(
            .PATCH, "\(path)/pulls/\(number)", json: .object([("state", .string("closed"))]))
    }
}
