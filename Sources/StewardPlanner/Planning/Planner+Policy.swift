import Analysis
import Kubernetes
import Policy
import YAMLSyntax

extension Planner {
    /// Asks the policy about every proposed change and revert before anything is edited, fail
    /// closed: without a loaded policy every change is rejected. Then admits whole findings, the
    /// most urgent first (an OOM fix before a right-size) and in plan order within a priority,
    /// until their pull request holds `spec.limits.maxChangesPerPullRequest` changes; the others
    /// of that group wait. Findings share a pull request as `grouping` groups them;
    /// a revert is a pull request of its own and is never held back by the limit (it is at
    /// least 1).
    func decide(
        _ findings: [PlannedFinding], policy state: PolicyState, subjects: [String: PolicySubject],
        cluster: String, grouping: Grouping
    ) -> [PlannedFinding] {
        guard let policy = state.policy else {
            return findings.map { planned in
                var planned = planned
                planned.changes = planned.changes.map { $0.deciding(state.refusal) }
                planned.revert?.decision = state.refusal
                return planned
            }
        }
        var decided = findings.map { planned in
            var planned = planned
            guard let action = PolicyAction(planned.finding.kind) else { return planned }
            let subject = subjects[planned.finding.id] ?? PolicySubject(workload: planned.finding.workload)
            planned.revert?.decision = policy.evaluateRevert(of: subject)
            planned.changes = planned.changes.map { change in
                // The rendered workload and the field in workload form, wherever it is written.
                change.deciding(
                    policy.evaluate(
                        ProposedChange(
                            subject: subject, container: planned.finding.container, path: change.workloadPath,
                            action: action, from: change.from.flatMap { Quantity($0) },
                            to: change.proposed.flatMap { Quantity($0) })))
            }
            return planned
        }
        guard let limit = policy.limits.maxChangesPerPullRequest else { return decided }
        // Within a priority the sort keeps plan order: a waiting finding is first in line next run.
        let order = decided.indices.sorted {
            (decided[$0].finding.priority, $0) < (decided[$1].finding.priority, $1)
        }
        var admitted: [String: Int] = [:]
        for index in order {
            var planned = decided[index]
            let permitted = planned.changes.filter(\.decision.permitsEdit).count
            let group = grouping.branchGroup(of: planned)
            if admitted[group, default: 0] + permitted > limit {
                let waiting = PolicyDecision.rejected(
                    "over the limit of \(limit) changes per pull request for "
                        + "\(grouping.scope(grouping.name(of: planned))) "
                        + "(spec.limits.maxChangesPerPullRequest); it waits for a later run")
                planned.changes = planned.changes.map { $0.decision.permitsEdit ? $0.deciding(waiting) : $0 }
                decided[index] = planned
            } else {
                admitted[group, default: 0] += permitted
            }
        }
        return decided
    }

    /// The independent check of the edited bytes: the semantic diff of every edited file must
    /// stay inside the policy. It does not look at the planned changes, only at the bytes.
    static func checkScope(
        _ edits: [FileEdit], policy: Policy, cluster: String, findings: [PlannedFinding], inventory: Inventory
    ) throws(StewardError) {
        let actions = Set(findings.compactMap { PolicyAction($0.finding.kind) })
        // Steward's own overlay patch files and their references are checked on their bytes by
        // OverlayPatchScope; every other file by the policy's scope check, with fields resolved
        // through the inventory (the rendered workload, Helm values paths included).
        let overlay = OverlayPatchScope(
            inventory: inventory, policy: policy, cluster: cluster, actions: actions)
        let (own, other) = overlay.partition(
            edits.map { ChangedFile(path: $0.path, before: $0.before, after: $0.after) })
        let report = ScopeCheck(
            policy: policy, cluster: cluster, actions: actions,
            resolver: InventoryFieldResolver(inventory: inventory)
        ).check(other)
        let violations = report.violations.map(\.description) + overlay.check(own)
        guard violations.isEmpty else {
            throw .outsidePolicy(policy: policy.path, violations: violations)
        }
    }
}

extension PlannedChange {
    /// The change with `decision`, writing the value the policy allows.
    func deciding(_ decision: PolicyDecision) -> PlannedChange {
        var change = self
        change.decision = decision
        change.to = decision.permitsEdit ? decision.value?.text ?? proposed : proposed
        return change
    }
}
