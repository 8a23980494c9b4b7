import Kubernetes
import Profiles

/// Blames anomalies that began right after a change on that change.
///
/// An anomaly (restarts, OOM kills, failing probes, a certificate expiring soon) is tied to a
/// trigger that began at most ``RecommenderSettings/onsetSeconds`` before its onset: a rollout
/// (a new ReplicaSet) for the workload's containers and probes, or a new certificate chain for
/// its probes. A trigger is tied to the commits that came at most
/// ``RecommenderSettings/rolloutDelaySeconds`` before it: commits to the workload's manifests for
/// a rollout, commits to its TLS resources for a certificate. Anomalies after the same trigger
/// are one ``Incident`` and one finding; anomalies after different triggers are separate
/// findings, each with its own candidates. One candidate commit: a revert of it is proposed.
/// Several: they are named and none is picked. None: the anomaly is reported as a `crash-loop`
/// or `probe-failure` finding, without a change (OOM kills alone are left to the `oom` finding).
///
/// A subject that is an Ingress routing to no workload gets one `probe-failure` finding, which
/// names the candidate commits and reverts none.
///
/// Where an Argo CD Application's history dated the commits (``WorkloadSubject/timeline``), a
/// commit counts from when a sync deployed it rather than from when it was committed, and one
/// never deployed is not a candidate at all.
struct RegressionDetector {
    let settings: RecommenderSettings

    func detect(_ subject: WorkloadSubject, context: AnalysisContext) -> [Finding] {
        let finder = OnsetFinder(settings: settings)
        var containerAnomalies: [(container: String, anomaly: Anomaly)] = []
        for container in subject.containers {
            guard let profile = subject.profiles[container.name] else { continue }
            if let series = profile.restartSeries,
                let anomaly = finder.countOnset(
                    series, signal: .restarts, source: container.name, threshold: settings.crashLoopRestarts)
            {
                containerAnomalies.append((container.name, anomaly))
            }
            if let series = profile.oomKillSeries,
                let anomaly = finder.countOnset(
                    series, signal: .oomKills, source: container.name, threshold: 1)
            {
                containerAnomalies.append((container.name, anomaly))
            }
        }
        var probeAnomalies: [Anomaly] = []
        for probe in subject.probes.sorted(by: { $0.target < $1.target }) {
            if let anomaly = finder.probeOnset(probe) { probeAnomalies.append(anomaly) }
            probeAnomalies += finder.certificateAnomalies(probe, now: context.now)
        }
        guard !containerAnomalies.isEmpty || !probeAnomalies.isEmpty else { return [] }

        let triggers = Triggers(subject: subject, settings: settings)
        if let ingress = subject.unroutedIngress {
            return unroutedFinding(
                subject, ingress: ingress, anomalies: probeAnomalies, triggers: triggers, context: context
            ).map { [$0] } ?? []
        }
        let incidents = Incident.group(containerAnomalies.map(\.anomaly) + probeAnomalies, by: triggers)
        var findings: [Finding] = []
        for incident in incidents {
            let container =
                containerAnomalies.first { pair in incident.anomalies.contains(pair.anomaly) }?.container
                ?? Self.mainContainer(of: subject)
            findings.append(
                regressionFinding(subject, container: container, incident: incident, context: context))
        }
        let blamed = Set(incidents.flatMap(\.anomalies))
        return findings
            + unexplainedFindings(
                subject, containerAnomalies: containerAnomalies.filter { !blamed.contains($0.anomaly) },
                probeAnomalies: probeAnomalies.filter { !blamed.contains($0) }, triggers: triggers,
                context: context)
    }

    /// The finding that blames the incident's commits; its summary names its first anomaly.
    private func regressionFinding(
        _ subject: WorkloadSubject, container: String, incident: Incident, context: AnalysisContext
    ) -> Finding {
        let (anomalies, trigger, candidates) = (incident.anomalies, incident.trigger, incident.candidates)
        var evidence = evidence(
            anomalies: anomalies, trigger: trigger, candidates: candidates, timeline: subject.timeline,
            context: context)
        evidence.rule = rule
        let what = Self.describe(incident.first)
        // The onset is known to within its step: the anomaly began at most this long after.
        let delay = Text.duration(max(0, incident.first.onset - trigger.time))
        let summary: String
        let confidence: Confidence
        let revert: ManifestCommit?
        if candidates.count == 1, let commit = candidates.first {
            revert = commit
            if let deployment = commit.deployment {
                summary =
                    "\(what) began within \(delay) of \(trigger.name), which Argo CD Application "
                    + "\(deployment.application) rolled out with commit \(commit.short) \"\(commit.summary)\" by "
                    + "\(commit.author) (history \(deployment.historyID), deployed at \(Text.time(deployment.deployedAt)), "
                    + "committed \(Text.duration(max(0, deployment.deployedAt - commit.time))) before): revert it"
            } else {
                summary =
                    "\(what) began within \(delay) of \(trigger.name), \(Text.duration(trigger.time - commit.time)) "
                    + "after commit \(commit.short) \"\(commit.summary)\" by \(commit.author): revert it"
            }
            let clear = anomalies.allSatisfy { $0.baselineSeconds >= 6 * 3600 }
            confidence = Confidence(
                score: clear ? 0.9 : 0.6, level: clear ? .high : .medium,
                basis: clear
                    ? "one candidate commit and a quiet stretch of at least 6 h before"
                    : "one candidate commit, but less than 6 h of quiet history before")
        } else {
            revert = nil
            summary =
                "\(what) began within \(delay) of \(trigger.name); \(candidates.count) commits could explain it ("
                + candidates.map(\.short).joined(separator: ", ")
                + "): none is picked, revert the one at fault by hand"
            confidence = Confidence(
                score: 1 / Double(candidates.count), level: .low,
                basis: "\(candidates.count) candidate commits")
        }
        return Finding(
            kind: .regressionAfterChange, workload: subject.workload, container: container, summary: summary,
            priority: .high, confidence: confidence, evidence: evidence, revert: revert, incident: trigger.key
        )
    }

    /// Anomalies no commit explains: a `crash-loop` finding per container whose restarts are not
    /// all OOM kills, and a `probe-failure` finding for failing probes or expiring certificates.
    private func unexplainedFindings(
        _ subject: WorkloadSubject, containerAnomalies: [(container: String, anomaly: Anomaly)],
        probeAnomalies: [Anomaly], triggers: Triggers, context: AnalysisContext
    ) -> [Finding] {
        var findings: [Finding] = []
        for (container, anomaly) in containerAnomalies where anomaly.signal == .restarts {
            let kills =
                subject.profiles[container]?.oomKillSeries.map { series in
                    series.points.filter { $0.time >= anomaly.onset }.reduce(0) { $0 + $1.value }
                } ?? 0
            guard anomaly.after - kills >= Double(settings.crashLoopRestarts) else { continue }
            let trigger = triggers.triggers(of: anomaly).first
            var evidence = evidence(
                anomalies: [anomaly], trigger: trigger, candidates: [], timeline: subject.timeline,
                context: context)
            evidence.rule = rule
            findings.append(
                Finding(
                    kind: .crashLoop, workload: subject.workload, container: container,
                    summary: "\(Self.describe(anomaly)) began \(Self.after(trigger)); no commit to the "
                        + "workload's manifests explains it",
                    priority: .high, confidence: .observed("restart counts before and after"),
                    evidence: evidence))
        }
        if let anomaly = probeAnomalies.first {
            let trigger = triggers.triggers(of: anomaly).first
            var evidence = evidence(
                anomalies: probeAnomalies, trigger: trigger, candidates: [], timeline: subject.timeline,
                context: context)
            evidence.rule = rule
            findings.append(
                Finding(
                    kind: .probeFailure, workload: subject.workload,
                    container: Self.mainContainer(of: subject),
                    summary:
                        "\(Self.describe(anomaly)) began \(Self.after(trigger)); no commit to the workload or "
                        + "its TLS resources explains it",
                    priority: .high, confidence: .observed("probe results before and after"),
                    evidence: evidence))
        }
        return findings
    }

    /// The finding about an Ingress that routes to no workload: a `probe-failure` with every
    /// anomaly of its probes, naming the commits before their triggers as candidates. None is
    /// reverted, even alone: what should serve the host is unknown, and the Service the Ingress
    /// misses may be the cause. Several incidents are one finding, since the Ingress has no
    /// container to keep them apart and its id carries no trigger.
    private func unroutedFinding(
        _ subject: WorkloadSubject, ingress: UnroutedIngress, anomalies: [Anomaly], triggers: Triggers,
        context: AnalysisContext
    ) -> Finding? {
        let incidents = Incident.group(anomalies, by: triggers)
        guard let first = incidents.first?.first ?? anomalies.first else { return nil }
        let trigger = incidents.first?.trigger ?? triggers.triggers(of: first).first
        let candidates = Incident.candidates(of: incidents.flatMap(\.triggers))
        var evidence = evidence(
            anomalies: anomalies, trigger: trigger, candidates: candidates, timeline: subject.timeline,
            context: context)
        evidence.rule = unroutedRule
        let blame =
            candidates.isEmpty
            ? "no commit to the Ingress or its TLS resources explains it"
            : "candidates: "
                + candidates.map { "commit \($0.short) \"\($0.summary)\"" }.joined(separator: ", ")
        return Finding(
            kind: .probeFailure, workload: subject.workload, container: Finding.noContainer,
            summary:
                "\(Self.describe(first)) began \(Self.after(trigger)); \(Self.describe(ingress)); \(blame)",
            priority: .high, confidence: .observed("probe results before and after"), evidence: evidence)
    }

    private func evidence(
        anomalies: [Anomaly], trigger: Trigger?, candidates: [ManifestCommit], timeline: String?,
        context: AnalysisContext
    ) -> Evidence {
        var evidence = Evidence(rule: rule, windowStart: context.window.start, windowEnd: context.window.end)
        evidence.regression = RegressionEvidence(
            anomalies: anomalies, rollout: trigger?.name, rolloutTime: trigger?.time, candidates: candidates,
            dating: timeline.map { "deployedAt of Argo CD Application \($0)" } ?? "commit time")
        evidence.queries = QuerySelection.select(
            context.queries, metrics: [QuerySelection.restarts, QuerySelection.oom, QuerySelection.probes])
        return evidence
    }

    var rule: String {
        "an anomaly (\(settings.crashLoopRestarts) restarts or more, an OOM kill, probes succeeding under "
            + "\(Text.percent(settings.probeSuccessThreshold)), a new certificate expiring within "
            + "\(Text.duration(settings.certificateExpirySeconds))) after at least "
            + "\(Text.duration(settings.minimumBaselineSeconds)) without, beginning within "
            + "\(Text.duration(settings.onsetSeconds)) of a rollout (or new certificate) that began within "
            + "\(Text.duration(settings.rolloutDelaySeconds)) of a commit to the workload's manifests (or the TLS "
            + "resources of its hosts) → revert that commit; several candidates are named and none is picked"
    }

    var unroutedRule: String {
        "probes of a host succeeding under \(Text.percent(settings.probeSuccessThreshold)) (or a new certificate "
            + "expiring within \(Text.duration(settings.certificateExpirySeconds))) after at least "
            + "\(Text.duration(settings.minimumBaselineSeconds)) without, where the Ingress serving the host routes "
            + "to no workload (its Services are missing or select none) → reported on the Ingress, naming the "
            + "commits to its TLS resources within \(Text.duration(settings.rolloutDelaySeconds)) before a new "
            + "certificate that began within \(Text.duration(settings.onsetSeconds)) of the onset, and those to "
            + "the Ingress within \(Text.duration(settings.rolloutDelaySeconds + settings.onsetSeconds)) before "
            + "the onset; none is reverted"
    }

    /// `Ingress shop/checkout routes to Service checkout, which the repository does not declare`.
    private static func describe(_ ingress: UnroutedIngress) -> String {
        let name = "Ingress \(ingress.namespace)/\(ingress.name)"
        guard !ingress.backends.isEmpty else { return "\(name) routes to no Service" }
        let services = ingress.backends.map { backend in
            "Service \(backend.service), which "
                + (backend.declared
                    ? "selects no workload of the repository" : "the repository does not declare")
        }
        return "\(name) routes to \(services.joined(separator: ", and "))"
    }

    /// `restarts of app`, `OOM kills of app`, `failing probes of https://…`.
    private static func describe(_ anomaly: Anomaly) -> String {
        switch anomaly.signal {
        case .restarts: "\(Text.number(anomaly.after)) restarts of \(anomaly.source)"
        case .oomKills: "\(Text.number(anomaly.after)) OOM kills of \(anomaly.source)"
        case .probeFailure: "failing probes of \(anomaly.source)"
        case .certificateExpiry: "a certificate of \(anomaly.source) expiring \(Text.time(anomaly.after))"
        }
    }

    private static func after(_ trigger: Trigger?) -> String {
        guard let trigger else { return "without a rollout or certificate change before it" }
        return "after \(trigger.name)"
    }

    /// The container a workload-wide finding is filed under: the first regular container.
    static func mainContainer(of subject: WorkloadSubject) -> String {
        (subject.containers.first { $0.role == .main } ?? subject.containers.first)?.name
            ?? Finding.noContainer
    }
}

/// Something that began just before an anomaly and the commits that could have caused it.
struct Trigger: Hashable {
    /// `rollout web-7d9f8c6b5 at 2026-09-22T12:02:00Z`, the new certificate, or a commit to an
    /// Ingress that routes to no workload.
    var name: String
    /// What stays the same across runs: `rollout-web-7d9f8c6b5`, `certificate-3f2a9c01b4de`,
    /// `commit-4f1c2d3`; the incident's part of its finding's id.
    var key: String
    var time: Double
    var commits: [ManifestCommit]
}

/// The rollouts and certificate changes of a workload, and the commits before each; for an
/// Ingress that routes to no workload, also the commits to the Ingress.
struct Triggers {
    private var rollouts: [Rollout]
    private var certificateChanges: [(target: String, fingerprint: String, time: Double)]
    /// The commits to an unrouted Ingress itself, oldest first: a sync applies each without a
    /// rollout, so each is a trigger of its own, of which it is the one commit.
    private var ingressChanges: [ManifestCommit]
    private let commits: [ManifestCommit]
    private let settings: RecommenderSettings

    init(subject: WorkloadSubject, settings: RecommenderSettings) {
        var seen: Set<String> = []
        rollouts = subject.profiles.values.flatMap { $0.rollouts ?? [] }
            .sorted { ($0.created, $0.replicaSet) < ($1.created, $1.replicaSet) }
            .filter { seen.insert($0.replicaSet).inserted }
        certificateChanges = subject.probes.flatMap { probe in
            let sightings = (probe.certificates ?? []).sorted { $0.first < $1.first }
            return sightings.dropFirst().map { (probe.target, $0.fingerprint, $0.first) }
        }
        ingressChanges =
            subject.unroutedIngress == nil
            ? []
            : subject.commits.filter { $0.scope == .workload }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        commits = subject.commits
        self.settings = settings
    }

    /// The triggers that began shortly before `anomaly`, with the commits before each.
    func triggers(of anomaly: Anomaly) -> [Trigger] {
        var found: [Trigger] = []
        if anomaly.signal != .certificateExpiry {
            for rollout in rollouts where began(rollout.created, before: anomaly) {
                found.append(
                    Trigger(
                        name: "rollout \(rollout.replicaSet) at \(Text.time(rollout.created))",
                        key: "rollout-\(rollout.replicaSet)", time: rollout.created,
                        commits: commits(before: rollout.created, scope: .workload)))
            }
        }
        if anomaly.signal == .probeFailure {
            // The commit has to be synced first: up to the rollout delay, then the onset's hour.
            let reach = settings.rolloutDelaySeconds + settings.onsetSeconds
            for commit in ingressChanges
            where commit.arrival <= anomaly.onset && commit.arrival + reach > anomaly.onset - anomaly.step {
                found.append(
                    Trigger(
                        name: "commit \(commit.short) to the Ingress at \(Text.time(commit.arrival))",
                        key: "commit-\(commit.short)", time: commit.arrival, commits: [commit]))
            }
        }
        if anomaly.signal == .probeFailure || anomaly.signal == .certificateExpiry {
            for change in certificateChanges where change.target == anomaly.source {
                let matches =
                    anomaly.signal == .certificateExpiry
                    ? change.time == anomaly.onset : began(change.time, before: anomaly)
                guard matches else { continue }
                found.append(
                    Trigger(
                        name:
                            "certificate \(change.fingerprint.prefix(12)) first served at \(Text.time(change.time))",
                        key: "certificate-\(change.fingerprint.prefix(12))", time: change.time,
                        commits: commits(before: change.time, scope: .tls)))
            }
        }
        return found
    }

    /// Whether something at `time` began at most `onsetSeconds` before the anomaly's onset step.
    private func began(_ time: Double, before anomaly: Anomaly) -> Bool {
        time <= anomaly.onset && time + settings.onsetSeconds > anomaly.onset - anomaly.step
    }

    private func commits(before time: Double, scope: ManifestCommit.Scope) -> [ManifestCommit] {
        commits.filter { $0.scope == scope }.compactMap {
            $0.reaching(time, within: settings.rolloutDelaySeconds)
        }
        .sorted { ($0.time, $0.id) < ($1.time, $1.id) }
    }
}
