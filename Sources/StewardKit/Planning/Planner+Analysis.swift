import Analysis
import Kubernetes
import Telemetry

/// The findings of one plan, and what was left alone.
struct PlanAnalysis: Sendable {
    var findings: [AnalyzedFinding] = []
    var unchanged: [ContainerSubject] = []
    var skipped: [SkippedContainer] = []
}

/// A finding with the target, workload and container it is about, for the edit stage.
struct AnalyzedFinding: Sendable {
    var finding: Finding
    var target: DeploymentTarget
    var workload: Workload
    var container: ContainerSpec
}

extension Planner {
    /// Matches every container of the targets deployed to `cluster` with its profile and asks
    /// the recommender. A workload that two targets deploy to the same place is skipped.
    func analyze(_ inventory: Inventory, profiles: UsageProfiles, cluster: String) -> PlanAnalysis {
        let index = Dictionary(
            profiles.profiles.filter { $0.cluster == cluster }.map { (ProfileKey($0), $0) },
            uniquingKeysWith: { first, _ in first })
        var deployedBy: [WorkloadReference: String] = [:]
        var analysis = PlanAnalysis()
        for target in inventory.targets where target.cluster == nil || target.cluster == cluster {
            for workload in target.workloads {
                let reference = workload.reference(cluster: cluster)
                let other = deployedBy[reference]
                if other == nil { deployedBy[reference] = target.name }
                for container in workload.containers {
                    let subject = ContainerSubject(
                        workload: reference, container: container.name, target: target.name)
                    if let other {
                        analysis.skipped.append(
                            SkippedContainer(subject: subject, reason: "also deployed by target \(other)"))
                        continue
                    }
                    if let (field, invalid) = container.invalidFields.min(by: { $0.key < $1.key }) {
                        let reason =
                            "\(invalid.file):\(invalid.line):\(invalid.column): \(field.label) "
                            + "\"\(invalid.text)\" is not a Kubernetes quantity"
                        analysis.skipped.append(SkippedContainer(subject: subject, reason: reason))
                        continue
                    }
                    guard let profile = index[ProfileKey(reference, container: container.name)] else {
                        analysis.skipped.append(
                            SkippedContainer(subject: subject, reason: "no usage profile"))
                        continue
                    }
                    guard
                        let finding = recommender.recommend(
                            workload: reference, container: container, profile: profile,
                            window: profiles.window)
                    else {
                        analysis.unchanged.append(subject)
                        continue
                    }
                    analysis.findings.append(
                        AnalyzedFinding(
                            finding: finding, target: target, workload: workload, container: container))
                }
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
