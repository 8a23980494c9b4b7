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

    public var kind: Kind {
        switch self {
        case .cpuPercentile: .percentile
        case .cpuLimit: .cpuLimit
        case .throttlingResponse: .throttlingResponse
        case .cpuMarginPercent, .memoryMarginPercent, .oomBumpPercent, .throttlingBumpPercent,
            .leakMinimumGrowthPercent:
            .percent
        case .minimumCoveragePercent, .hysteresisPercent, .throttlingThresholdPercent,
            .throttlingUsagePercent,
            .leakResetDropPercent, .regressionProbeSuccessPercent:
            .share
        case .leakMinimumFit: .ratio
        case .regressionCrashLoopRestarts: .count
        case .minimumCPU, .hysteresisCPU, .throttlingMinimumBump: .cpu
        case .minimumMemory, .oomBumpMinimum, .hysteresisMemory: .memory
        case .minimumHistory, .leakHorizon, .leakMinimumSpan, .regressionRolloutDelay, .regressionOnset,
            .regressionBaseline, .regressionMinimumBaseline, .regressionCertificateExpiry:
            .duration
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
