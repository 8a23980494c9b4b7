import Foundation

/// Everything the forge server holds: pull requests, labels, pending faults, recorded requests.
/// It lives behind the server's mutex; handlers get it `inout`.
struct ForgeServerState {
    let kind: ForgeServer.Kind
    let token: String
    /// `http://127.0.0.1:PORT`, for URLs in answers.
    var origin = ""
    var pullRequests: [ForgeServerPullRequest] = []
    /// Repository labels by id (Gitea refers to labels by id).
    var labels: [(id: Int, name: String, color: String)] = []
    var faults: [ForgeServerFault] = []
    var requests: [ForgeServerRequest] = []
    var maximumPageSize: Int
    var nextCommentID = 1

    init(kind: ForgeServer.Kind, token: String) {
        self.kind = kind
        self.token = token
        maximumPageSize = kind == .gitea ? 50 : 100
    }

    /// The repository (GitHub, Gitea) or project namespace owner.
    static let owner = "acme"
    /// The repository name.
    static let repository = "deploy"
    /// GitLab's project id and full path (in a subgroup, so the path needs encoding).
    static let gitLabProjectID = 42
    static let gitLabProjectPath = "acme/platform/deploy"
    /// The numeric id of the repository on Gitea, and of a fork on Gitea and GitLab.
    static let repositoryID = 7
    static let forkID = 99

    var basePath: String {
        switch kind {
        case .github: "/api/v3"
        case .gitlab: "/api/v4"
        case .gitea: "/api/v1"
        }
    }

    /// Records `request`, answers with a pending fault if one matches, else routes it.
    mutating func handle(_ request: ForgeServerRequest) -> ForgeServerResponse {
        requests.append(request)
        if let index = faults.firstIndex(where: { $0.matches(request) }) {
            faults[index].times -= 1
            return faultResponse(faults[index].answer)
        }
        guard request.path.hasPrefix(basePath + "/") else { return notFound() }
        // Split before decoding: GitLab's project path arrives as one segment with `%2F`.
        let segments = request.path.dropFirst(basePath.count + 1).split(
            separator: "/", omittingEmptySubsequences: false
        )
        .map { String($0).removingPercentEncoding ?? String($0) }
        switch kind {
        case .github: return gitHub(request, segments)
        case .gitlab: return gitLab(request, segments)
        case .gitea: return gitea(request, segments)
        }
    }

    mutating func addPullRequest(
        head: String, headOwner: String, base: String, title: String, body: String, labels: [String],
        state: ForgeServerPullRequest.State
    ) -> ForgeServerPullRequest {
        let number = (pullRequests.map(\.number).max() ?? 0) + 1
        let commit = String(repeating: String(format: "%02x", number % 256), count: 20)
        let pullRequest = ForgeServerPullRequest(
            number: number, title: title, body: body, head: head, headOwner: headOwner, base: base,
            labels: labels, state: state, comments: [], headCommit: commit)
        pullRequests.append(pullRequest)
        for label in labels { _ = labelID(named: label) }
        return pullRequest
    }

    /// The id of the label `name`, created when missing.
    mutating func labelID(named name: String, color: String = "ededed") -> Int {
        if let existing = labels.first(where: { $0.name == name }) { return existing.id }
        let id = (labels.map(\.id).max() ?? 100) + 1
        labels.append((id, name, color))
        return id
    }

    func index(of number: Int) -> Int? {
        pullRequests.firstIndex { $0.number == number }
    }

    /// Appends `body` to the comments of the pull request at `index` and answers the comment's id.
    mutating func addComment(_ body: String, at index: Int) -> Int {
        pullRequests[index].comments.append(body)
        let id = nextCommentID
        nextCommentID += 1
        return id
    }

    /// Adds `body` as a comment on the pull request at `index` and answers as GitHub and Gitea
    /// answer an issue comment; the web page is `<repository>/<webPath>/<number>` (`pull` on
    /// GitHub, `pulls` on Gitea).
    mutating func issueComment(_ body: String, at index: Int, webPath: String) -> ForgeServerResponse {
        let id = addComment(body, at: index)
        let page = "\(origin)/\(Self.owner)/\(Self.repository)/\(webPath)/\(pullRequests[index].number)"
        return ForgeServerResponse(
            status: 201,
            json: [
                "id": id, "body": body, "user": ["login": "steward-bot"], "created_at": Self.timestamp,
                "html_url": "\(page)#issuecomment-\(id)",
            ])
    }

    /// The pull requests in `state` as GitHub and Gitea name it: `open` (the default), `closed`
    /// (merged ones too) or `all`.
    func pullRequests(inState state: String?) -> [ForgeServerPullRequest] {
        pullRequests.filter { pullRequest in
            switch state ?? "open" {
            case "all": true
            case "closed": pullRequest.state != .open
            default: pullRequest.state == .open
            }
        }
    }

    /// `pullRequests` oldest first when `ascending`, else newest first (every forge's default).
    static func sorted(_ pullRequests: [ForgeServerPullRequest], ascending: Bool) -> [ForgeServerPullRequest]
    {
        let oldestFirst = pullRequests.sorted { $0.number < $1.number }
        return ascending ? oldestFirst : oldestFirst.reversed()
    }

    /// The owner and branch of a GitHub or Gitea `head`: `owner:branch` for a fork, else a branch
    /// of the repository itself.
    static func splitHead(_ head: String) -> (owner: String, branch: String) {
        head.contains(":")
            ? (String(head.prefix { $0 != ":" }), String(head.drop { $0 != ":" }.dropFirst()))
            : (owner, head)
    }

    // MARK: Pagination

    /// The slice of `items` for the request's page, and the headers that describe the pages.
    /// `sizeParameter` is `per_page` (GitHub, GitLab) or `limit` (Gitea).
    func page<Item>(
        _ items: [Item], of request: ForgeServerRequest, sizeParameter: String, defaultSize: Int
    ) -> (items: [Item], headers: [(String, String)]) {
        let requested = request.queryValue(sizeParameter).flatMap(Int.init) ?? defaultSize
        let size = max(1, min(requested, maximumPageSize))
        let page = max(1, request.queryValue("page").flatMap(Int.init) ?? 1)
        let total = items.count
        let pages = max(1, (total + size - 1) / size)
        let start = min((page - 1) * size, total)
        let slice = Array(items[start..<min(start + size, total)])

        func link(_ number: Int) -> String {
            let query = request.query.filter { $0.name != "page" } + [("page", String(number))]
            let encoded = query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(
                separator: "&")
            return "<\(origin)\(request.path)?\(encoded)>"
        }
        var links: [String] = []
        if page < pages { links.append("\(link(page + 1)); rel=\"next\"") }
        if page < pages { links.append("\(link(pages)); rel=\"last\"") }
        if page > 1 { links.append("\(link(1)); rel=\"first\"") }
        if page > 1 { links.append("\(link(page - 1)); rel=\"prev\"") }
        var headers: [(String, String)] = links.isEmpty ? [] : [("Link", links.joined(separator: ", "))]
        switch kind {
        case .gitlab:
            headers += [
                ("X-Page", String(page)), ("X-Per-Page", String(size)), ("X-Total", String(total)),
                ("X-Total-Pages", String(pages)), ("X-Next-Page", page < pages ? String(page + 1) : ""),
                ("X-Prev-Page", page > 1 ? String(page - 1) : ""),
            ]
        case .gitea:
            headers.append(("X-Total-Count", String(total)))
        case .github:
            break
        }
        return (slice, headers)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7f}"))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static var now: Int { Int(Date().timeIntervalSince1970) }

    static let timestamp = "2026-01-02T03:04:05Z"
}
