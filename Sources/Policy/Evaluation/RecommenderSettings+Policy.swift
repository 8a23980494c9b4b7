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
                override.knob.apply(amount, to: &settings)
            }
        }
        return settings
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
