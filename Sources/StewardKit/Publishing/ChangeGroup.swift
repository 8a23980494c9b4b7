/// Findings that share one bot branch and one pull request: all those of a namespace, of a
/// workload, or of the whole repository, as the configuration groups them.
struct ChangeGroup: Sendable {
    /// The group as people read it: `shop`, `shop/web`, `all`.
    var name: String
    /// `steward/shop`.
    var branch: String
    /// The findings with at least one change the policy lets Steward write, in plan order; each
    /// becomes one commit.
    var findings: [PlannedFinding]

    /// Every change the branch writes.
    var changes: [PlannedChange] { findings.flatMap(\.writtenChanges) }
}

extension Grouping {
    /// The findings of `plan` that Steward may write, grouped, in branch-name order.
    func groups(of plan: Plan, branchPrefix: String) -> [ChangeGroup] {
        var groups: [String: ChangeGroup] = [:]
        for planned in plan.findings where !planned.writtenChanges.isEmpty {
            let name = self.name(of: planned)
            let branch = BranchName.make(
                prefix: branchPrefix, group: name.replacingOccurrences(of: "/", with: "-"))
            groups[branch, default: ChangeGroup(name: name, branch: branch, findings: [])].findings.append(
                planned)
        }
        return groups.values.sorted { $0.branch < $1.branch }
    }

    private func name(of planned: PlannedFinding) -> String {
        let workload = planned.finding.workload
        switch self {
        case .namespace: return workload.namespace
        case .workload: return "\(workload.namespace)/\(workload.name)"
        case .all: return "all"
        }
    }
}
