extension Grouping {
    /// The group `planned` belongs to as people read it: `apps/shop`, `shop`, `shop/web`, `all`.
    package func name(of planned: PlannedFinding) -> String {
        let workload = planned.finding.workload
        switch self {
        case .target: return planned.target
        case .namespace: return workload.namespace
        case .workload: return "\(workload.namespace)/\(workload.name)"
        case .all: return "all"
        }
    }

    /// The part of the branch name that the group of `planned` gets, as a branch name holds it
    /// (`apps/shop_v2` and `apps/shop-v2` both become `apps-shop-v2`). Findings share a branch,
    /// and one pull request, exactly when these are equal.
    package func branchGroup(of planned: PlannedFinding) -> String {
        BranchName.make(prefix: "", group: name(of: planned))
    }

    /// What a group's pull request covers: `target apps/shop`, `namespace shop`, `shop/web`,
    /// `the repository`.
    package func scope(_ name: String) -> String {
        switch self {
        case .target: "target \(name)"
        case .namespace: "namespace \(name)"
        case .workload: name
        case .all: "the repository"
        }
    }
}
