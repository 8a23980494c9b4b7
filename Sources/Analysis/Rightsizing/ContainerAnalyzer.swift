import Kubernetes
import Profiles

/// Analyzes one container: the OOM, leak and throttling detectors, then right-sizing of what
/// they left alone. Each resource field is decided by one finding at most, in this order: an OOM
/// kill decides memory, else a suspected leak holds it; throttling decides the CPU limit; the
/// rest is right-sized.
struct ContainerAnalyzer {
    let settings: RecommenderSettings
    let workload: WorkloadReference
    let container: ContainerSpec
    let profile: UsageProfile
    let autoscaler: HorizontalScaling?
    let context: AnalysisContext
    let history: HistoryAssessment

    init(
        settings: RecommenderSettings, workload: WorkloadReference, container: ContainerSpec,
        profile: UsageProfile, autoscaler: HorizontalScaling?, context: AnalysisContext
    ) {
        self.settings = settings
        self.workload = workload
        self.container = container
        self.profile = profile
        self.autoscaler = autoscaler
        self.context = context
        history = HistoryAssessment(
            profile: profile, workloadKind: workload.kind, window: context.window, settings: settings)
    }

    /// The container's findings, most urgent first, and its verdict.
    func run() -> (findings: [Finding], status: ContainerVerdict.Status) {
        var findings: [Finding] = []
        var decided: Set<ResourceField> = []
        var held: [String] = []

        let leak = LeakDetector(settings: settings).detect(profile, container: container)
        if let oom = oomFinding(leakSuspected: leak != nil) {
            findings.append(oom)
            decided.formUnion([.requestsMemory, .limitsMemory])
        }
        if let leak {
            findings.append(leakFinding(leak, oomDecided: !findings.isEmpty))
            if !decided.contains(.requestsMemory) {
                held.append(
                    "memory held: a leak is suspected (memory-leak finding), and sizing memory for a leak only "
                        + "postpones its OOM kill; only a limit below the peak is raised")
            }
        }
        var cpuLimit = container.resources[.limitsCPU]
        if let throttling = throttlingFinding() {
            findings.append(throttling)
            if let proposal = throttling.proposals.first {
                decided.insert(.limitsCPU)
                cpuLimit = proposal.to
            }
        }
        if history.refusal == nil,
            let rightsize = rightsizeFinding(
                decided: decided, cpuLimit: cpuLimit, leakSuspected: leak != nil, held: held)
        {
            findings.append(rightsize)
        }
        findings.sort { $0.kind < $1.kind }
        if findings.contains(where: \.proposesChange) {
            return (findings, .changed)
        }
        if let refusal = history.refusal {
            return (findings, .skipped(refusal))
        }
        return (findings, .unchanged)
    }

    /// The evidence every finding of the container starts from: the window and the profile's
    /// headline numbers.
    func baseEvidence(rule: String, metrics: [[String]]) -> Evidence {
        var evidence = Evidence(
            rule: rule, windowStart: context.window.start, windowEnd: context.window.end,
            cpuP95: profile.cpu?.p95, cpuSamples: profile.cpu?.samples, memoryMax: profile.memory?.max,
            memorySamples: profile.memory?.samples)
        evidence.excludedSamples = profile.excluded
        evidence.historySeconds = history.seconds
        evidence.coverageDensity = history.density.map { ($0 * 1000).rounded() / 1000 }
        evidence.oomKills = profile.oomKills
        evidence.restarts = profile.restarts
        evidence.queries = QuerySelection.select(context.queries, metrics: metrics)
        return evidence
    }

    /// The memory limit in force after `proposals`, replayed against the window's series.
    func replay(after proposals: [ResourceProposal], oomKillLevel: Double? = nil) -> ReplayEvidence? {
        let proposed = proposals.first { $0.field == .limitsMemory }.flatMap(\.to)
        guard let limit = proposed ?? container.resources[.limitsMemory] else { return nil }
        return MemoryReplay.replay(profile, limit: limit.value, oomKillLevel: oomKillLevel)
    }

    /// `requests.cpu 500m → 180m, limits.cpu removed`.
    static func describe(_ proposals: [ResourceProposal]) -> String {
        proposals.map { proposal in
            let from = proposal.from?.text ?? "unset"
            guard let to = proposal.to else { return "\(proposal.field.rawValue) \(from) → removed" }
            return "\(proposal.field.rawValue) \(from) → \(to.text)"
        }.joined(separator: ", ")
    }
}
