/// What a run did (or, in a dry run, would do) with one bot branch and its pull request.
package struct BranchOutcome: Sendable, Equatable {
    /// The kinds of outcome; the report and the JSON summary count them.
    package enum Action: String, Sendable, Equatable, CaseIterable {
        /// Pushed the branch and opened its pull request.
        case opened
        /// Pushed a new version of the branch and brought its open pull request up to date.
        case updated
        /// The branch already holds exactly what Steward would build: nothing pushed.
        case unchanged
        /// The branch holds what Steward would build but has no open pull request (a reviewer
        /// closed it): nothing pushed, nothing reopened.
        case declined
        /// Over the policy's limit of open pull requests: nothing pushed; it waits.
        case waiting
        /// Someone else committed to the branch: nothing pushed; the pull request says so.
        case blocked
        /// The finding is gone: the pull request is closed with a comment, the branch deleted.
        case closed
        /// Something failed for this branch (a moved lease, a refused push, the forge): the
        /// detail says what; nothing was overwritten.
        case failed
    }

    package var branch: String
    package var action: Action
    /// Whether it happened: false in a dry run, and for anything not done.
    package var performed: Bool
    /// The pull request's number and address, when there is one.
    package var pullRequest: Int?
    package var pullRequestURL: String?
    /// The commits pushed, oldest first (short ids).
    package var commits: [String]
    /// The field changes the branch carries.
    package var changes: Int
    /// One sentence on what happened and why.
    package var detail: String

    package init(
        branch: String, action: Action, performed: Bool, pullRequest: Int? = nil,
        pullRequestURL: String? = nil,
        commits: [String] = [], changes: Int = 0, detail: String
    ) {
        self.branch = branch
        self.action = action
        self.performed = performed
        self.pullRequest = pullRequest
        self.pullRequestURL = pullRequestURL
        self.commits = commits
        self.changes = changes
        self.detail = detail
    }
}

extension BranchOutcome.Action {
    /// How a dry run names the action: `would open`, `would update`, `would close`, or the
    /// state itself for what involves no write.
    package var dryRunLabel: String {
        switch self {
        case .opened: "would open"
        case .updated: "would update"
        case .closed: "would close"
        default: rawValue
        }
    }
}
