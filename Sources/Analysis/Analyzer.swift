import Kubernetes
import Profiles

/// The recommender and the detectors: pure, deterministic functions from a workload's desired
/// spec, usage profiles, autoscaler, Git history and probes to findings. No clock is read and no
/// I/O is done; the same inputs always give the same findings, ids included.
///
/// ```swift
/// let analyzer = Analyzer(settings: RecommenderSettings())
/// let result = analyzer.analyze(subject, context: AnalysisContext(window: profiles.window, now: now))
/// for finding in result.findings { print(finding.id, finding.summary) }
/// ```
///
/// `docs/analysis.md` documents every rule and default, where Steward differs from VPA and KRR,
/// and how to recompute each number from a finding's evidence.
public struct Analyzer: Sendable {
    public var settings: RecommenderSettings

    public init(settings: RecommenderSettings = RecommenderSettings()) {
        self.settings = settings
    }

    /// Every finding about `subject` and the verdict on each of its containers.
    public func analyze(_ subject: WorkloadSubject, context: AnalysisContext) -> WorkloadAnalysis {
        var findings: [Finding] = []
        var verdicts: [ContainerVerdict] = []
        let regressions = RegressionDetector(settings: settings).detect(subject, context: context)
        for container in subject.containers {
            guard let profile = subject.profiles[container.name] else {
                verdicts.append(
                    ContainerVerdict(container: container.name, status: .skipped("no usage profile")))
                findings += regressions.filter { $0.container == container.name }
                continue
            }
            let analyzer = ContainerAnalyzer(
                settings: settings, workload: subject.workload, container: container, profile: profile,
                autoscaler: subject.autoscaler, context: context)
            var (containerFindings, status) = analyzer.run()
            let mine = regressions.filter { $0.container == container.name }
            if let reason = Self.hold(mine, quietSeconds: settings.recoverySeconds) {
                // A broken run is no sizing sample: sizing waits until the incident is over.
                containerFindings.removeAll { [.rightsize, .cpuThrottling].contains($0.kind) }
                status =
                    containerFindings.contains(where: \.proposesChange) ? .changed : .skipped(reason)
            }
            findings += (mine + containerFindings).sorted { $0.kind < $1.kind }
            let changed = status == .changed || mine.contains(where: \.proposesChange)
            verdicts.append(ContainerVerdict(container: container.name, status: changed ? .changed : status))
        }
        let containerNames = Set(subject.containers.map(\.name))
        findings += regressions.filter { !containerNames.contains($0.container) }
        return WorkloadAnalysis(findings: findings, containers: verdicts)
    }

    /// When `probe` began failing in the window, if it did. For the planner's note on a failing
    /// probe that no workload or Ingress of the repository serves, which no subject carries;
    /// package access, since nothing outside the package plans.
    package func probeFailure(_ probe: ProbeProfile) -> Anomaly? {
        OnsetFinder(settings: settings).probeOnset(probe)
    }

    /// Why sizing of a container waits: the earliest crash loop or probe failure among the
    /// incident findings filed under it that is not over yet
    /// (`held: crash loop since 2026-09-25T13:00:00Z`), or nil.
    static func hold(_ incidents: [Finding], quietSeconds: Double) -> String? {
        let anomalies = incidents.flatMap { $0.evidence.regression?.anomalies ?? [] }
            .filter {
                ($0.signal == .restarts || $0.signal == .probeFailure)
                    && $0.isOngoing(quietSeconds: quietSeconds)
            }
        guard let first = anomalies.min(by: { $0.onset < $1.onset }) else { return nil }
        let what = first.signal == .restarts ? "crash loop" : "failing probes"
        return "held: \(what) since \(Text.time(first.onset))"
    }
}
