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
            let (containerFindings, status) = analyzer.run()
            let mine = regressions.filter { $0.container == container.name }
            findings += (mine + containerFindings).sorted { $0.kind < $1.kind }
            let changed = status == .changed || mine.contains(where: \.proposesChange)
            verdicts.append(ContainerVerdict(container: container.name, status: changed ? .changed : status))
        }
        let containerNames = Set(subject.containers.map(\.name))
        findings += regressions.filter { !containerNames.contains($0.container) }
        return WorkloadAnalysis(findings: findings, containers: verdicts)
    }
}
