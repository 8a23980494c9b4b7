/// A merge request as GitLab's API v4 returns it (the fields Steward reads).
struct GitLabMergeRequestPayload: Decodable, Sendable {
    let iid: Int
    let title: String
    let description: String?
    let state: String
    let sourceBranch: String
    let targetBranch: String
    let sourceProjectId: Int
    let targetProjectId: Int
    let labels: [String]
    let webUrl: String
    let sha: String?

    /// Whether the source branch is in the target project, not in a fork.
    var isFromSameProject: Bool { sourceProjectId == targetProjectId }

    var pullRequest: PullRequest {
        let pullState: PullRequestState =
            switch state {
            case "opened": .open
            case "merged": .merged
            default: .closed
            }
        return PullRequest(
            number: iid, title: title, body: description ?? "", head: sourceBranch, base: targetBranch,
            labels: labels, state: pullState, webURL: webUrl, headCommit: sha)
    }
}
