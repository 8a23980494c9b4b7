/// A pull request as the Gitea / Forgejo API v1 returns it (the fields Steward reads).
struct GiteaPullRequestPayload: Decodable, Sendable {
    struct Label: Decodable, Sendable {
        let name: String
    }

    struct Branch: Decodable, Sendable {
        let ref: String
        let sha: String?
        let repoId: Int
    }

    let number: Int
    let title: String
    let body: String?
    let state: String
    let merged: Bool?
    let htmlUrl: String
    let labels: [Label]?
    let head: Branch
    let base: Branch

    /// Whether the head branch is in the base repository, not in a fork.
    var isFromSameRepository: Bool { head.repoId == base.repoId }

    var pullRequest: PullRequest {
        PullRequest(
            number: number, title: title, body: body ?? "", head: head.ref, base: base.ref,
            labels: (labels ?? []).map(\.name),
            state: merged == true ? .merged : (state == "open" ? .open : .closed),
            webURL: htmlUrl, headCommit: head.sha)
    }
}
