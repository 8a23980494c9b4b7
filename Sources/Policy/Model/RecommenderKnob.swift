import Analysis

/// One setting of the recommender and the detectors that a policy may set, in `spec.recommender`
/// or in a rule's `recommender` block. The raw value is its path inside the block
/// (`hysteresis.cpu` is `hysteresis: {cpu: 10m}`); the order of the cases is the order reports
/// list them in.
public enum RecommenderKnob: String, Sendable, Hashable, CaseIterable, Comparable {
    case cpuPercentile
    case cpuMarginPercent
    case minimumCPU
    case cpuLimit
    case memoryMarginPercent
    case minimumMemory
    case oomBumpPercent = "oomBump.percent"
    case oomBumpMinimum = "oomBump.minimum"
    case minimumHistory
    case minimumCoveragePercent
    case hysteresisPercent = "hysteresis.percent"
    case hysteresisCPU = "hysteresis.cpu"
    case hysteresisMemory = "hysteresis.memory"
    case throttlingThresholdPercent = "throttling.thresholdPercent"
    case throttlingUsagePercent = "throttling.usagePercent"
    case throttlingResponse = "throttling.response"
    case throttlingBumpPercent = "throttling.bumpPercent"
    case throttlingMinimumBump = "throttling.minimumBump"
    case leakHorizon = "leak.horizon"
    case leakMinimumFit = "leak.minimumFit"
    case leakMinimumSpan = "leak.minimumSpan"
    case leakMinimumGrowthPercent = "leak.minimumGrowthPercent"
    case leakResetDropPercent = "leak.resetDropPercent"
    case regressionRolloutDelay = "regression.rolloutDelay"
    case regressionOnset = "regression.onset"
    case regressionBaseline = "regression.baseline"
    case regressionMinimumBaseline = "regression.minimumBaseline"
    case regressionCrashLoopRestarts = "regression.crashLoopRestarts"
    case regressionProbeSuccessPercent = "regression.probeSuccessPercent"
    case regressionCertificateExpiry = "regression.certificateExpiry"

    /// What a knob's value is, and so how it is read and checked.
    public enum Kind: Sendable, Hashable {
        /// `p50`, `p90`, `p95`, `p99` or `max`.
        case percentile
        /// `keep`, `remove` or `{multipleOfRequest: N}` with N ≥ 1.
        case cpuLimit
        /// `raise`, `remove` or `report`.
        case throttlingResponse
        /// A percentage of something, at least 0 (a margin, a bump).
        case percent
        /// A share in percent, 0 to 100.
        case share
        /// A number from 0 to 1 (a goodness of fit).
        case ratio
        /// A whole number, at least 1.
        case count
        /// A CPU quantity (`10m`, `0.1`).
        case cpu
        /// A memory quantity (`64Mi`, `1Gi`).
        case memory
        /// A duration (`90m`, `24h`, `7d`, `1d12h`).
        case duration
    }

    /// The knob's kind.
    public var kind: Kind { entry.kind }

    /// Whether 0 is refused: at these knobs 0 switches off what they tune (a floor of nothing
    /// would let Steward propose a request of 0; a window of nothing means a detector never fires).
    var mustBePositive: Bool { entry.positive }

    /// Sets the recommender setting the knob tunes; `amount` is in the knob's unit
    /// (`RecommenderValue.amount`). Knobs with named values (a percentile, a CPU limit, a
    /// throttling response) are applied by their value instead.
    func apply(_ amount: Double, to settings: inout RecommenderSettings) {
        entry.apply?(&settings, amount)
    }

    /// What a knob is, in one place: adding a knob is its case and its line here.
    private struct Entry {
        var kind: Kind
        var positive = false
        var apply: (@Sendable (inout RecommenderSettings, Double) -> Void)?
    }

    private var entry: Entry {
        switch self {
        case .cpuPercentile: Entry(kind: .percentile)
        case .cpuMarginPercent: Entry(kind: .percent) { $0.cpuMarginPercent = $1 }
        case .minimumCPU: Entry(kind: .cpu, positive: true) { $0.minimumCPUMillicores = Int128($1) }
        case .cpuLimit: Entry(kind: .cpuLimit)
        case .memoryMarginPercent: Entry(kind: .percent) { $0.memoryMarginPercent = $1 }
        case .minimumMemory: Entry(kind: .memory, positive: true) { $0.minimumMemoryBytes = Int128($1) }
        case .oomBumpPercent: Entry(kind: .percent) { $0.oomBumpPercent = $1 }
        case .oomBumpMinimum: Entry(kind: .memory) { $0.oomMinimumBumpBytes = Int128($1) }
        case .minimumHistory: Entry(kind: .duration) { $0.minimumHistorySeconds = $1 }
        case .minimumCoveragePercent: Entry(kind: .share) { $0.minimumCoverageDensity = $1 / 100 }
        case .hysteresisPercent: Entry(kind: .share) { $0.hysteresisPercent = $1 }
        case .hysteresisCPU: Entry(kind: .cpu) { $0.hysteresisCPUMillicores = Int128($1) }
        case .hysteresisMemory: Entry(kind: .memory) { $0.hysteresisMemoryBytes = Int128($1) }
        case .throttlingThresholdPercent: Entry(kind: .share) { $0.throttlingThreshold = $1 / 100 }
        case .throttlingUsagePercent: Entry(kind: .share) { $0.throttlingUsageFraction = $1 / 100 }
        case .throttlingResponse: Entry(kind: .throttlingResponse)
        case .throttlingBumpPercent: Entry(kind: .percent) { $0.throttlingBumpPercent = $1 }
        case .throttlingMinimumBump: Entry(kind: .cpu) { $0.throttlingMinimumBumpMillicores = Int128($1) }
        case .leakHorizon: Entry(kind: .duration, positive: true) { $0.leakHorizonSeconds = $1 }
        case .leakMinimumFit: Entry(kind: .ratio) { $0.leakMinimumFit = $1 }
        case .leakMinimumSpan: Entry(kind: .duration) { $0.leakMinimumSpanSeconds = $1 }
        case .leakMinimumGrowthPercent: Entry(kind: .percent) { $0.leakMinimumGrowthPercent = $1 }
        case .leakResetDropPercent: Entry(kind: .share) { $0.leakResetDropPercent = $1 }
        case .regressionRolloutDelay: Entry(kind: .duration, positive: true) { $0.rolloutDelaySeconds = $1 }
        case .regressionOnset: Entry(kind: .duration, positive: true) { $0.onsetSeconds = $1 }
        case .regressionBaseline: Entry(kind: .duration, positive: true) { $0.baselineSeconds = $1 }
        case .regressionMinimumBaseline: Entry(kind: .duration) { $0.minimumBaselineSeconds = $1 }
        case .regressionCrashLoopRestarts: Entry(kind: .count) { $0.crashLoopRestarts = Int($1) }
        case .regressionProbeSuccessPercent: Entry(kind: .share) { $0.probeSuccessThreshold = $1 / 100 }
        case .regressionCertificateExpiry:
            Entry(kind: .duration, positive: true) { $0.certificateExpirySeconds = $1 }
        }
    }

    /// The group block the knob sits in (`hysteresis`), or nil for a top-level knob.
    public var group: String? {
        let parts = rawValue.split(separator: ".")
        return parts.count == 2 ? String(parts[0]) : nil
    }

    /// The knob's key: in its group block, or at the top of the recommender block.
    public var key: String {
        String(rawValue.split(separator: ".").last ?? "")
    }

    public static func < (lhs: RecommenderKnob, rhs: RecommenderKnob) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }
}
