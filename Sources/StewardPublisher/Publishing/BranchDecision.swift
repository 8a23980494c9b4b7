import Forge
import GitStore

/// What the publisher decided for one branch from what it built and what the remote and the
/// forge hold, before it writes anything.
package enum BranchDecision: Sendable {
    /// Push `built` with a lease on `lease` (nil: the branch must not exist), then open a pull
    /// request, or update `pullRequest`.
    case push(BuiltBranch, lease: ObjectID?, pullRequest: PullRequest?)
    /// The remote branch has the same tree: leave it and its pull request alone.
    case unchanged(BuiltBranch, remote: RemoteBranch, pullRequest: PullRequest?)
    /// Over the open pull-request limit.
    case waiting(BuiltBranch, limit: Int, open: Int)
    /// Someone else's commit is on the branch.
    case blocked(
        branch: String, remote: RemoteBranch, human: CommitInfo, pullRequest: PullRequest?, changes: Int)
    /// No finding wants this branch any more.
    case close(branch: String, remote: RemoteBranch?, pullRequest: PullRequest?)
    /// Building or checking the branch failed.
    case failed(branch: String, changes: Int, message: String)

    var branch: String {
        switch self {
        case .push(let built, _, _), .unchanged(let built, _, _), .waiting(let built, _, _):
            built.group.branch
        case .blocked(let branch, _, _, _, _), .close(let branch, _, _), .failed(let branch, _, _):
            branch
        }
    }
}
