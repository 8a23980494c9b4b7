import Analysis
import Kubernetes
import Policy

/// A rollback in Argo CD that answers a regression at once, beside the revert pull request that
/// makes Git converge on what then runs: the Application goes back to the last history entry
/// before the one that first deployed the blamed commit.
package struct RollbackProposal: Sendable, Hashable {
    /// One entry of the Application's history, as reports name it.
    package struct Entry: Sendable, Hashable, Codable {
        package var id: Int
        package var revision: String
        /// Unix seconds.
        package var deployedAt: Double

        /// `history 3 (4f1c2d3)`.
        package var description: String { "history \(id) (\(revision.prefix(7)))" }
    }

    /// The regression finding it answers, as the revert commit's `Steward-Finding` names it.
    package var finding: String
    package var workload: WorkloadReference
    /// The Application, its namespace and project (the RBAC object is `<project>/<name>`).
    package var application: String
    /// The repository's deployment target that is the Application.
    package var deploymentTarget: String
    package var namespace: String?
    package var project: String
    /// The commit blamed, 40 hexadecimal digits.
    package var commit: String
    /// The entry that first deployed the commit.
    package var blamed: Entry
    /// The entry running when the plan was made.
    package var running: Entry
    /// The entry to roll back to; nil when there is none before ``blamed``.
    package var target: Entry?
    /// How many entries back from ``running`` the rollback goes.
    package var entriesBack: Int
    /// Whether the rollback may be made: the policy's word, or why Steward will not try
    /// (automated sync, an operation running, nothing to roll back to, already rolled back).
    package var decision: PolicyDecision
    /// The finding whose rollback of the same Application this run makes instead, when another
    /// finding asked for it too.
    package var coveredBy: String?

    /// `would roll back shop to history 3 (4f1c2d3)`, or `no rollback of shop: <why>`.
    package var summary: String {
        guard decision.permitsEdit, let target else {
            return "no rollback of \(application): \(decision.reason ?? "refused")"
        }
        return "would roll back \(application) to \(target.description)"
    }
}
