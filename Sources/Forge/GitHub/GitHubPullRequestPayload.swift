/// A pull request as GitHub's REST API returns it (the fields Steward reads).
struct GitHubPullRequestPayload: Decodable, Sendable {
    struct Label: Decodable, Sendable {
        let name: String
    }

    struct Repository: Decodable, Sendable {
        let fullName: String
    }

    struct Branch: Decodable, Sendable {
        let ref: String
        let sha: String?
        // Null when the fork a pull request came from was deleted.
        let repo: Repository?
    }

    let number: Int
    let state: String
    let title: String
    let body: String?
    let htmlUrl: String
    let labels: [Label]
    let head: Branch
    let base: Branch
    let mergedAt: String?

    /// Whether the head branch is in `repository` (`owner/name`), not in a fork.
    func isFrom(_ repository: String) -> Bool {
        head.repo?.fullName.lowercased() == repository.lowercased()
    }

    var pullRequest: PullRequest {
        PullRequest(
            number: number, title: title, body: body ?? "", head: head.ref, base: base.ref,
            labels: labels.map(\.name),
            state: mergedAt != nil ? .merged : (state == "open" ? .open : .closed),
            webURL: htmlUrl, headCommit: head.sha)
    }
}
