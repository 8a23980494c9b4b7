import StewardPlanner

/// What one bot branch and its pull request carry: the findings of a target, a namespace, a
/// workload, or the whole repository, as the configuration groups them; or one revert, alone.
package struct ChangeGroup: Sendable {
    /// The group as people read it: `shop-prod`, `shop`, `shop/web`, `all`, `revert-4e1f0a2`.
    var name: String
    /// `steward/shop`.
    package var branch: String
    /// The findings with at least one change the policy lets Steward write, in plan order; each
    /// becomes one commit. Empty for a revert.
    package var findings: [PlannedFinding]
    /// The findings of the group of which the policy lets Steward write nothing (rejected, or
    /// waiting because the pull request is full), in plan order: listed in the pull request so
    /// that reviewers see what is left out, never committed.
    var held: [PlannedFinding] = []
    /// The revert this branch holds, if it is a revert branch.
    var revert: RevertProposal?

    /// Every change the branch writes.
    var changes: [PlannedChange] { findings.flatMap(\.writtenChanges) }

    /// How many changes the branch proposes: its field changes, or one revert.
    var size: Int { revert == nil ? changes.count : 1 }
}

extension Grouping {
    /// The findings of `plan` that Steward may write, grouped, with the group's findings it may
    /// not write held beside them; then one group per revert the policy allows; in branch-name
    /// order.
    package func groups(of plan: Plan, branchPrefix: String) -> [ChangeGroup] {
        var groups: [String: ChangeGroup] = [:]
        for planned in plan.findings where !planned.writtenChanges.isEmpty {
            let name = self.name(of: planned)
            let branch = BranchName.make(prefix: branchPrefix, group: branchGroup(of: planned))
            groups[branch, default: ChangeGroup(name: name, branch: branch, findings: [])].findings.append(
                planned)
        }
        for planned in plan.findings where planned.writtenChanges.isEmpty && !planned.changes.isEmpty {
            let branch = BranchName.make(prefix: branchPrefix, group: branchGroup(of: planned))
            groups[branch]?.held.append(planned)
        }
        for revert in plan.reverts where revert.decision.permitsEdit {
            let name = "revert-\(revert.commit.prefix(7))"
            let branch = BranchName.make(prefix: branchPrefix, group: name)
            groups[branch] = ChangeGroup(name: name, branch: branch, findings: [], revert: revert)
        }
        return groups.values.sorted { $0.branch < $1.branch }
    }
}
