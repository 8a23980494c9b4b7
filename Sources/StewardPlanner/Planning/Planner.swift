import Analysis
import Kubernetes
import Policy
import Profiles
import YAMLSyntax

/// Turns a repository and usage profiles into a plan: findings, byte-minimal edits and a diff.
///
/// Its inputs are read by ``InputLoader``. Each stage of the data flow lives in its own
/// extension: the analysis of each container (`Planner+Analysis`), where each
/// proposal would be written (`Planner+Proposals`), the policy's decision on each proposed change
/// (`Planner+Policy`), and the edits (`Planner+Edits`), whose bytes are then checked against the
/// policy independently of the decisions. Nothing is written: the plan holds the edited bytes, and
/// callers decide what to do with them.
package struct Planner: Sendable {
    /// The recommender's and detectors' knobs (`docs/analysis.md`) before the policy's: the
    /// policy's `spec.recommender` and its rules' `recommender` blocks are applied over them.
    package var settings = RecommenderSettings()

    package init() {}

    /// Plans what `inputs` hold.
    ///
    /// - Throws: ``StewardError`` for an edit the YAML engine refuses, or edits whose bytes leave
    ///   the policy. Files that do not parse and targets that cannot be rendered are reported in
    ///   ``Plan/errors`` instead; a missing or broken policy is held by the plan, and every change
    ///   is rejected.
    package func plan(_ inputs: PlanInputs) throws(StewardError) -> Plan {
        let (inventory, profiles, cluster, policy) = (
            inputs.inventory, inputs.profiles, inputs.cluster, inputs.policy
        )
        let analysis = analyze(
            inventory, profiles: profiles, cluster: cluster, policy: policy.policy, history: inputs.history,
            deployments: inputs.deployments, now: inputs.now.timeIntervalSince1970)
        let proposals = Self.propose(analysis.findings, in: inventory)
        let decided = Self.keepRequestsWithinLimits(
            decide(
                proposals.findings, policy: policy, subjects: proposals.subjects, cluster: cluster,
                grouping: inputs.grouping),
            proposals: proposals)
        let edits = try Self.edit(inventory, findings: decided, proposals: proposals)
        if let loaded = policy.policy {
            try Self.checkScope(
                edits.files, policy: loaded, cluster: cluster, findings: edits.findings, inventory: inventory)
        }
        return Plan(
            repository: inputs.repository, cluster: cluster, window: profiles.window,
            findings: edits.findings,
            unchanged: (analysis.unchanged + proposals.unchanged).sorted {
                ($0.workload, $0.container) < ($1.workload, $1.container)
            },
            skipped: (analysis.skipped + proposals.skipped + edits.skipped).sorted {
                ($0.subject.workload, $0.subject.container) < ($1.subject.workload, $1.subject.container)
            },
            fileEdits: edits.files,
            reverts: Self.reverts(edits.findings),
            rollbacks: Self.rollbacks(
                edits.findings, deployments: inputs.deployments, policy: policy, inventory: inventory,
                cluster: cluster, history: inputs.history),
            diff: try Self.diff(edits.files), policy: policy,
            scheduleOpen: policy.policy?.schedule?.isOpen(at: inputs.now),
            savings: Self.savings(inventory, cluster: cluster, findings: edits.findings),
            notes: analysis.notes, inventory: inventory, proposals: proposals,
            readsArgoCD: inputs.deployments != nil)
    }
}
