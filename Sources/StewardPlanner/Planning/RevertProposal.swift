import Analysis
import Kubernetes
import Policy

/// A proposal to revert the commit blamed for a regression: it becomes a branch of its own,
/// `steward/revert-<short id>`, holding one signed `git revert` of that commit with the evidence.
///
/// The analysis blames the commit; the policy's stage decides it with
/// `Policy.evaluateRevert(of:)` before the publisher sees it.
package struct RevertProposal: Sendable, Hashable {
    /// The workload whose regression the commit is blamed for.
    package var workload: WorkloadReference
    package var container: String
    /// The commit to revert, 40 hexadecimal digits; it must be in the base branch's history.
    package var commit: String
    /// What was observed, in words, for the commit message and the pull request
    /// (`OOM kills began 12 minutes after this commit was synced`).
    package var reason: String
    /// The numbers behind the blame: the window, the queries, what changed when.
    package var evidence: [String: String]
    /// What the policy says about reverting it.
    package var decision: PolicyDecision
    /// The id of the finding that blamed the commit, as `Steward-Finding` carries it:
    /// `regression-after-change/<cluster>/<namespace>/<Kind>/<name>/<container>#<incident>`.
    package var finding: String
    /// The rollback in Argo CD made (or not) before the revert is published; the pull request
    /// and the evidence note say what became of it.
    package var rollback: RollbackOutcome?

    /// Describes a revert; `finding` defaults to the id of a regression finding about the
    /// container without an incident part.
    package init(
        workload: WorkloadReference, container: String, commit: String, reason: String,
        evidence: [String: String] = [:], decision: PolicyDecision, finding: String? = nil
    ) {
        self.workload = workload
        self.container = container
        self.commit = commit
        self.reason = reason
        self.evidence = evidence
        self.decision = decision
        self.finding =
            finding ?? Finding.id(kind: .regressionAfterChange, workload: workload, container: container)
    }
}
