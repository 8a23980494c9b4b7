import Analysis
import Kubernetes
import Policy
import Profiles
import YAMLSyntax

/// The findings of one plan, and what was left alone.
struct PlanAnalysis: Sendable {
    var findings: [AnalyzedFinding] = []
    var unchanged: [ContainerSubject] = []
    var skipped: [SkippedContainer] = []
    /// What the analysis could not do, e.g. read the Git history, or tie a failing probe to a
    /// workload or Ingress.
    var notes: [String] = []
}

/// A finding with the target, workload and container it is about, for the edit stage.
package struct AnalyzedFinding: Sendable {
    /// A container as the repository declares it, with its workload: where the finding's
    /// proposals are placed, and what the policy reads labels and annotations from.
    struct Declared: Sendable {
        var workload: Workload
        var container: ContainerSpec
    }

    var finding: Finding
    package var target: DeploymentTarget
    /// Nil for a finding about an Ingress that routes to no workload: it only reports, so there
    /// is nothing to place.
    var declared: Declared?
}

extension Planner {
    /// Matches every workload of the targets deployed to `cluster` with its profiles, its
    /// autoscaler, the commits that touched it and the probes of its hosts, and asks the analyzer.
    /// A workload that two targets deploy to the same place is skipped. Each workload is analyzed
    /// with ``settings`` and the recommender knobs `policy` sets for it, which its findings'
    /// evidence lists. Probes of no workload's hosts are analyzed on the Ingress serving them, or
    /// noted when they fail and no Ingress does (`Planner+UnattachedProbes`).
    func analyze(
        _ inventory: Inventory, profiles: UsageProfiles, cluster: String, policy: Policy?,
        history source: CommitHistory, deployments: DeploymentTimelines?, now: Double
    ) -> PlanAnalysis {
        let index = Dictionary(
            profiles.profiles.filter { $0.cluster == cluster }.map { (ProfileKey($0), $0) },
            uniquingKeysWith: { first, _ in first })
        let related = RelatedObjects(snapshot: inventory.snapshot)
        var deployedBy: [WorkloadReference: String] = [:]
        var subjects: [PlannedSubject] = []
        var analysis = PlanAnalysis()
        let targets = inventory.targets.filter { $0.cluster == nil || $0.cluster == cluster }
        for target in targets {
            for workload in target.workloads {
                let reference = workload.reference(cluster: cluster)
                if let other = deployedBy[reference] {
                    for container in workload.containers {
                        analysis.skipped.append(
                            SkippedContainer(
                                subject: ContainerSubject(
                                    workload: reference, container: container.name, target: target.name),
                                reason: "also deployed by target \(other)"))
                    }
                    continue
                }
                deployedBy[reference] = target.name
                var containers: [ContainerSpec] = []
                var matched: [String: UsageProfile] = [:]
                for container in workload.containers {
                    if let (field, invalid) = container.invalidFields.min(by: { $0.key < $1.key }) {
                        let reason =
                            "\(invalid.file):\(invalid.line):\(invalid.column): \(field.label) "
                            + "\"\(invalid.text)\" is not a Kubernetes quantity"
                        analysis.skipped.append(
                            SkippedContainer(
                                subject: ContainerSubject(
                                    workload: reference, container: container.name, target: target.name),
                                reason: reason))
                        continue
                    }
                    containers.append(container)
                    matched[container.name] = index[ProfileKey(reference, container: container.name)]
                }
                let subject = WorkloadSubject(
                    workload: reference, containers: containers, profiles: matched,
                    autoscaler: workload.autoscaler.map {
                        HorizontalScaling(name: $0.name, utilization: $0.utilization)
                    })
                subjects.append(
                    PlannedSubject(
                        target: target, workload: workload, subject: subject,
                        exposure: related.exposure(of: workload, in: target, inventory: inventory)))
            }
        }
        let probes = profiles.probes ?? []
        let unrouted =
            probes.isEmpty
            ? []
            : related.unroutedIngresses(
                deployedBy: targets, besides: subjects.map(\.exposure), inventory: inventory)
        let history = Self.history(
            source, subjects: subjects, unrouted: unrouted.map(\.ingress), profiles: profiles,
            window: profiles.window, deployments: deployments, now: now)
        analysis.notes += history.unavailable.map { [$0] } ?? []
        analysis.notes += deployments?.notes ?? []

        let context = AnalysisContext(
            window: profiles.window, now: now, queries: profiles.source?.queries ?? [])
        var attached = Array(repeating: false, count: probes.count)
        for planned in subjects {
            let (target, workload, exposure) = (planned.target, planned.workload, planned.exposure)
            var subject = planned.subject
            subject.commits = history.commits(
                workloadFiles: Self.manifestFiles(of: workload, in: target), tlsFiles: exposure.tlsFiles)
            if let dated = deployments?.dated(subject.commits, target: target.name, history: source) {
                subject.commits = dated
                subject.timeline = deployments?.applications[target.name]?.name
            }
            let mine = probes.indices.filter { RelatedObjects.host(probes[$0].host, matches: exposure.hosts) }
            subject.probes = mine.map { probes[$0] }
            for index in mine { attached[index] = true }
            let overrides = policy?.recommenderOverrides(for: PolicySubject(workload, cluster: cluster)) ?? []
            let result = Analyzer(settings: settings.applying(overrides)).analyze(subject, context: context)
            let withFindings = Set(result.findings.map(\.container))
            for verdict in result.containers {
                let container = ContainerSubject(
                    workload: subject.workload, container: verdict.container, target: target.name)
                switch verdict.status {
                case .changed:
                    continue
                case .unchanged:
                    if !withFindings.contains(verdict.container) { analysis.unchanged.append(container) }
                case .skipped(let reason):
                    analysis.skipped.append(SkippedContainer(subject: container, reason: reason))
                }
            }
            for var finding in result.findings {
                guard let container = workload.container(finding.container) else { continue }
                if !overrides.isEmpty { finding.evidence.settings = overrides.map(\.description) }
                analysis.findings.append(
                    AnalyzedFinding(
                        finding: finding, target: target,
                        declared: AnalyzedFinding.Declared(workload: workload, container: container)))
            }
        }
        let unattached = analyzeUnattached(
            probes.indices.filter { !attached[$0] }.map { probes[$0] }, unrouted: unrouted, cluster: cluster,
            policy: policy, history: history, context: context)
        analysis.findings += unattached.findings
        analysis.notes += unattached.notes
        analysis.findings.sort {
            ($0.finding.workload, $0.finding.container, $0.finding.kind)
                < ($1.finding.workload, $1.finding.container, $1.finding.kind)
        }
        return analysis
    }

    /// The files whose commits can roll a workload out: its own manifest, where its resources are
    /// defined (overlay patches, Helm values), the target's kustomization (images, patches) and
    /// the document declaring the target (an Argo CD Application, a HelmRelease).
    static func manifestFiles(of workload: Workload, in target: DeploymentTarget) -> Set<String> {
        var files: Set<String> = [workload.file]
        if let kustomization = target.kustomizationFile { files.insert(kustomization) }
        if let definition = target.definedIn?.file { files.insert(definition) }
        for container in workload.containers {
            files.formUnion(container.locations.values.map(\.location.file))
        }
        return files
    }

    /// How far back commits may matter: a day before the window, or where Argo CD deployed in
    /// that time, the commit time of the revision each Application ran before: a commit deployed
    /// by a sync in the window may have waited for it for days.
    private static func earliestCommit(
        _ deployments: DeploymentTimelines?, source: CommitHistory, window: Window
    )
        -> Double
    {
        let dayBefore = window.start - 86_400
        var earliest = dayBefore
        for application in (deployments?.applications ?? [:]).values {
            let history = application.history
            guard let first = history.firstIndex(where: { $0.deployedAt.timeIntervalSince1970 >= dayBefore })
            else {
                continue
            }
            // Before the first sync in that time ran the entry before it; with none kept, the first
            // deployment ever (id 0) brought every commit, and a trimmed history's oldest entry is
            // the baseline.
            let baseline = first > 0 ? first - 1 : (history[0].id == 0 ? nil : 0)
            guard let baseline else { return 0 }
            let times = history[baseline].revisions.compactMap { source.commitTime(of: $0) }
            if let time = times.min() { earliest = min(earliest, time) }
        }
        return earliest
    }

    /// The commits the regression detector may need: read only when some profile has a restart or
    /// OOM-kill series, or the profiles have probes, from ``earliestCommit(_:source:window:)`` to
    /// now, so that Argo CD's revisions are looked up only then. The files of interest are those
    /// of every workload and of every Ingress that routes to none.
    private static func history(
        _ source: CommitHistory,
        subjects: [PlannedSubject], unrouted: [UnroutedIngress], profiles: UsageProfiles, window: Window,
        deployments: DeploymentTimelines?, now: Double
    ) -> ManifestHistory {
        let signals =
            subjects.contains {
                $0.subject.profiles.values.contains { $0.restartSeries != nil || $0.oomKillSeries != nil }
            }
            || !(profiles.probes ?? []).isEmpty
        guard signals else { return ManifestHistory(commits: []) }
        var paths: Set<String> = []
        for planned in subjects {
            paths.formUnion(manifestFiles(of: planned.workload, in: planned.target))
            paths.formUnion(planned.exposure.tlsFiles)
        }
        for ingress in unrouted {
            // Its own file is among them.
            paths.formUnion(ingress.tlsFiles)
        }
        return source.read(
            paths: paths, since: earliestCommit(deployments, source: source, window: window),
            until: max(now, window.end))
    }
}

/// A workload to analyze, with the target deploying it and how the repository exposes it.
private struct PlannedSubject {
    var target: DeploymentTarget
    var workload: Workload
    var subject: WorkloadSubject
    var exposure: Exposure
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
