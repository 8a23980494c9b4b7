import Analysis
import Kubernetes
import Telemetry

/// The findings of one plan, and what was left alone.
struct PlanAnalysis: Sendable {
    var findings: [PlannedFinding] = []
    var unchanged: [ContainerSubject] = []
    var skipped: [SkippedContainer] = []
}

extension Planner {
    /// Matches every container of the inventory with its profile and asks the recommender.
    func analyze(_ inventory: RepositoryInventory, profiles: UsageProfiles, cluster: String) -> PlanAnalysis {
        let index = Dictionary(
            profiles.profiles.filter { $0.cluster == cluster }.map { (ProfileKey($0), $0) },
            uniquingKeysWith: { first, _ in first })
        var analysis = PlanAnalysis()
        for workload in inventory.workloads {
            let reference = workload.reference(cluster: cluster)
            for container in workload.containers {
                let subject = ContainerSubject(workload: reference, container: container.name)
                if let (field, invalid) = container.invalidFields.min(by: { $0.key < $1.key }) {
                    let reason =
                        "\(workload.file):\(invalid.line):\(invalid.column): \(field.label) "
                        + "\"\(invalid.text)\" is not a Kubernetes quantity"
                    analysis.skipped.append(SkippedContainer(subject: subject, reason: reason))
                    continue
                }
                guard let profile = index[ProfileKey(reference, container: container.name)] else {
                    analysis.skipped.append(SkippedContainer(subject: subject, reason: "no usage profile"))
                    continue
                }
                guard
                    let finding = recommender.recommend(
                        workload: reference, container: container, profile: profile, window: profiles.window)
                else {
                    analysis.unchanged.append(subject)
                    continue
                }
                let changes = finding.proposals.map { proposal in
                    PlannedChange(
                        file: workload.file, document: workload.document,
                        path: container.path(of: proposal.field), field: proposal.field,
                        from: proposal.from?.text, to: proposal.to.text, proposed: proposal.to.text)
                }
                analysis.findings.append(PlannedFinding(finding: finding, changes: changes))
            }
        }
        analysis.findings.sort {
            ($0.finding.workload, $0.finding.container) < ($1.finding.workload, $1.finding.container)
        }
        return analysis
    }
}

/// Matches a profile to a workload container.
private struct ProfileKey: Hashable {
    var namespace: String
    var kind: String
    var name: String
    var container: String

    init(_ profile: UsageProfile) {
        namespace = profile.namespace
        kind = profile.workload.kind
        name = profile.workload.name
        container = profile.container
    }

    init(_ workload: WorkloadReference, container: String) {
        namespace = workload.namespace
        kind = workload.kind
        name = workload.name
        self.container = container
    }
}
