import GitStore
import StewardPlanner
import StewardVerify

/// A bot branch as this run built it locally: base, then one signed commit per finding (or the
/// one revert commit), each with its evidence note.
package struct BuiltBranch: Sendable {
    package struct Commit: Sendable {
        var id: ObjectID
        /// The finding the commit writes; nil for a revert commit.
        var finding: PlannedFinding?
        var message: BotCommitMessage
        /// The evidence note's text (`Steward-Evidence` is its SHA-256).
        var note: String
    }

    var group: ChangeGroup
    /// The commits, oldest first.
    var commits: [Commit]
    /// For a revert branch, the commit it reverts.
    var reverted: CommitInfo?

    /// For a revert branch, the id of the finding it answers: what a rollback in Argo CD goes with.
    package var revertFinding: String? { group.revert?.finding }

    /// The last commit.
    var tip: ObjectID {
        // BranchBuilder, which builds every branch, refuses a group with nothing to commit.
        guard let last = commits.last else {
            preconditionFailure("the branch \(group.branch) has no commits")
        }
        return last.id
    }
}
