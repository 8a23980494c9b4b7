import Analysis
import Kubernetes
import Telemetry
import YAMLSyntax

/// The findings of one plan, and what was left alone.
struct PlanAnalysis: Sendable {
    var findings: [PlannedFinding] = []
    var unchanged: [ContainerSubject] = []
    var skipped: [SkippedContainer] = []
    /// What the analysis could not do, e.g. read the Git history.
    var notes: [String] = []
}

extension Planner {
    /// Matches every workload of the inventory with its profiles, autoscaler, Git history and
    /// probes, and asks the analyzer.
    ///
    /// - Parameters:
    ///   - repository: the checkout, whose Git history the regression detector reads (only when a
    ///     profile carries restart, OOM-kill or probe series to blame).
    ///   - now: the planning time, unix seconds.
    func analyze(
        _ inventory: RepositoryInventory, profiles: UsageProfiles, cluster: String, repository: String,
        now: Double
    ) -> PlanAnalysis {
        let index = Dictionary(
            profiles.profiles.filter { $0.cluster == cluster }.map { (ProfileKey($0), $0) },
            uniquingKeysWith: { first, _ in first })
        let related = RelatedObjects(files: inventory.files)
        let context = AnalysisContext(
            window: profiles.window, now: now, queries: profiles.source?.queries ?? [])
        let exposures = inventory.workloads.map { workload in
            related.exposure(
                of: workload.reference(cluster: cluster),
                podLabels: Self.podLabels(of: workload, in: inventory))
        }
        let history = Self.history(
            inventory, exposures: exposures, profiles: profiles, index: index, repository: repository,
            window: profiles.window, now: now)

        var analysis = PlanAnalysis()
        analysis.notes += history.unavailable.map { [$0] } ?? []
        let analyzer = Analyzer(settings: settings)
        for (workload, exposure) in zip(inventory.workloads, exposures) {
            let reference = workload.reference(cluster: cluster)
            var containers: [ContainerSpec] = []
            for container in workload.containers {
                if let (field, invalid) = container.invalidFields.min(by: { $0.key < $1.key }) {
                    let reason =
                        "\(workload.file):\(invalid.line):\(invalid.column): \(field.label) "
                        + "\"\(invalid.text)\" is not a Kubernetes quantity"
                    analysis.skipped.append(
                        SkippedContainer(
                            subject: ContainerSubject(workload: reference, container: container.name),
                            reason: reason))
                } else {
                    containers.append(container)
                }
            }
            var matched: [String: UsageProfile] = [:]
            for container in containers {
                matched[container.name] = index[ProfileKey(reference, container: container.name)]
            }
            let subject = WorkloadSubject(
                workload: reference, containers: containers, profiles: matched,
                autoscaler: related.autoscaler(for: reference),
                commits: history.commits(workloadFiles: [workload.file], tlsFiles: exposure.tlsFiles),
                probes: (profiles.probes ?? []).filter { RelatedObjects.probe($0, matches: exposure.hosts) })
            let result = analyzer.analyze(subject, context: context)
            record(result, of: workload, reference: reference, into: &analysis)
        }
        analysis.findings.sort {
            ($0.finding.workload, $0.finding.container, $0.finding.kind)
                < ($1.finding.workload, $1.finding.container, $1.finding.kind)
        }
        return analysis
    }

    /// Files the findings and verdicts of one workload into the plan's lists.
    private func record(
        _ result: WorkloadAnalysis, of workload: Workload, reference: WorkloadReference,
        into analysis: inout PlanAnalysis
    ) {
        let withFindings = Set(result.findings.map(\.container))
        for verdict in result.containers {
            let subject = ContainerSubject(workload: reference, container: verdict.container)
            switch verdict.status {
            case .changed:
                continue
            case .unchanged:
                if !withFindings.contains(verdict.container) {
                    analysis.unchanged.append(subject)
                }
            case .skipped(let reason):
                analysis.skipped.append(SkippedContainer(subject: subject, reason: reason))
            }
        }
        for finding in result.findings {
            let container = workload.containers.first { $0.name == finding.container }
            let changes = finding.proposals.compactMap { proposal -> PlannedChange? in
                guard let container else { return nil }
                return PlannedChange(
                    file: workload.file, document: workload.document,
                    path: container.path(of: proposal.field),
                    field: proposal.field, from: proposal.from?.text, to: proposal.to?.text,
                    proposed: proposal.to?.text)
            }
            analysis.findings.append(
                PlannedFinding(
                    finding: finding, changes: changes,
                    revert: finding.revert.map { PlannedRevert(commit: $0) }))
        }
    }

    /// The commits of the repository's history that the regression detector may need: read only
    /// when some profile has a restart or OOM-kill series, or the profiles have probes.
    private static func history(
        _ inventory: RepositoryInventory, exposures: [(hosts: Set<String>, tlsFiles: Set<String>)],
        profiles: UsageProfiles, index: [ProfileKey: UsageProfile], repository: String, window: Window,
        now: Double
    ) -> ManifestHistory {
        let signals =
            index.values.contains { $0.restartSeries != nil || $0.oomKillSeries != nil }
            || !(profiles.probes ?? []).isEmpty
        guard signals else { return ManifestHistory(commits: []) }
        let paths = Set(inventory.workloads.map(\.file)).union(exposures.flatMap(\.tlsFiles))
        // A commit shortly before the window can still explain a rollout inside it.
        return ManifestHistory.load(
            repository: repository, paths: paths, since: window.start - 86_400, until: max(now, window.end))
    }

    /// The labels of a workload's pod template, which Services select.
    static func podLabels(of workload: Workload, in inventory: RepositoryInventory) -> [String: String] {
        guard let podSpec = ManifestScanner.podSpecPaths[workload.kind],
            let document = inventory.files[workload.file]?.documents.first(where: {
                $0.index == workload.document
            })
        else { return [:] }
        let template = YAMLPath(Array(podSpec.components.dropLast()))
        return RelatedObjects.stringMap(
            document.node(at: template.appending(.key("metadata")).appending(.key("labels"))))
    }
}

/// Matches a profile to a workload container.
struct ProfileKey: Hashable {
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
