import Analysis

extension RecommenderSettings {
    /// These settings with the knobs a policy sets (`Policy.recommenderOverrides(for:)`) applied.
    public func applying(_ overrides: [RecommenderOverride]) -> RecommenderSettings {
        var settings = self
        for override in overrides {
            switch override.value {
            case .percentile(let percentile):
                settings.cpuPercentile = CPUPercentile(percentile)
            case .cpuLimit(.keep):
                settings.cpuLimit = .keep
            case .cpuLimit(.remove):
                settings.cpuLimit = .remove
            case .cpuLimit(.multipleOfRequest(let factor)):
                settings.cpuLimit = .multipleOfRequest(factor)
            case .throttlingResponse(let response):
                settings.throttlingResponse = ThrottlingResponse(response)
            case .amount(let amount, _):
                settings.set(override.knob, to: amount)
            }
        }
        return settings
    }

    /// Sets a numeric knob; `amount` is in the knob's unit (`RecommenderValue.amount`).
    private mutating func set(_ knob: RecommenderKnob, to amount: Double) {
        switch knob {
        case .cpuMarginPercent: cpuMarginPercent = amount
        case .minimumCPU: minimumCPUMillicores = Int128(amount)
        case .memoryMarginPercent: memoryMarginPercent = amount
        case .minimumMemory: minimumMemoryBytes = Int128(amount)
        case .oomBumpPercent: oomBumpPercent = amount
        case .oomBumpMinimum: oomMinimumBumpBytes = Int128(amount)
        case .minimumHistory: minimumHistorySeconds = amount
        case .minimumCoveragePercent: minimumCoverageDensity = amount / 100
        case .hysteresisPercent: hysteresisPercent = amount
        case .hysteresisCPU: hysteresisCPUMillicores = Int128(amount)
        case .hysteresisMemory: hysteresisMemoryBytes = Int128(amount)
        case .throttlingThresholdPercent: throttlingThreshold = amount / 100
        case .throttlingUsagePercent: throttlingUsageFraction = amount / 100
        case .throttlingBumpPercent: throttlingBumpPercent = amount
        case .throttlingMinimumBump: throttlingMinimumBumpMillicores = Int128(amount)
        case .leakHorizon: leakHorizonSeconds = amount
        case .leakMinimumFit: leakMinimumFit = amount
        case .leakMinimumSpan: leakMinimumSpanSeconds = amount
        case .leakMinimumGrowthPercent: leakMinimumGrowthPercent = amount
        case .leakResetDropPercent: leakResetDropPercent = amount
        case .regressionRolloutDelay: rolloutDelaySeconds = amount
        case .regressionOnset: onsetSeconds = amount
        case .regressionBaseline: baselineSeconds = amount
        case .regressionMinimumBaseline: minimumBaselineSeconds = amount
        case .regressionCrashLoopRestarts: crashLoopRestarts = Int(amount)
        case .regressionProbeSuccessPercent: probeSuccessThreshold = amount / 100
        case .regressionCertificateExpiry: certificateExpirySeconds = amount
        // These knobs take a named value, never an amount.
        case .cpuPercentile, .cpuLimit, .throttlingResponse: break
        }
    }
}

extension CPUPercentile {
    init(_ percentile: RecommenderValue.Percentile) {
        switch percentile {
        case .p50: self = .p50
        case .p90: self = .p90
        case .p95: self = .p95
        case .p99: self = .p99
        case .max: self = .max
        }
    }
}

extension ThrottlingResponse {
    init(_ response: RecommenderValue.ThrottlingResponse) {
        switch response {
        case .raise: self = .raise
        case .remove: self = .remove
        case .report: self = .report
        }
    }
}
