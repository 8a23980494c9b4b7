import Kubernetes
import Profiles

extension ContainerAnalyzer {
    /// The `cpu-throttling` finding: throttled CFS periods above the threshold
    /// (kubernetes-mixin's CPUThrottlingHigh, 25 %) while the highest CPU usage reaches the
    /// limit. Throttling with usage far below the limit is bursts inside a period, which a higher
    /// limit does not cure, so it is not reported.
    ///
    /// Raising: `max(limit × (1 + throttlingBumpPercent), limit + throttlingMinimumBump,
    /// cpu percentile × margin)`, rounded up; never below the observed peak, which a throttled
    /// container's limit caps. Removing: the limit is deleted. Reporting: nothing is proposed.
    func throttlingFinding() -> Finding? {
        guard let ratio = profile.throttlingRatio, ratio > settings.throttlingThreshold,
            let cpu = profile.cpu, cpu.samples > 0,
            let limit = container.resources[.limitsCPU]?.value ?? profile.limits?.cpu,
            limit > 0, cpu.max >= limit * settings.throttlingUsageFraction
        else { return nil }
        var evidence = baseEvidence(
            rule: throttlingRule, metrics: [QuerySelection.throttling, QuerySelection.cpu])
        evidence.throttlingRatio = ratio
        evidence.cpuLimit = limit
        evidence.cpuMax = cpu.max
        evidence.cpuPercentile = settings.cpuPercentile.rawValue
        evidence.cpuUsage = settings.cpuPercentile.value(in: cpu)

        let current = container.resources[.limitsCPU]
        var proposals: [ResourceProposal] = []
        var calculations: [Calculation] = []
        var response = settings.throttlingResponse
        if response == .remove && current == nil {
            // The limit comes from outside the manifest (a LimitRange): set one explicitly instead.
            response = .raise
        }
        switch response {
        case .report:
            break
        case .remove:
            proposals.append(ResourceProposal(field: .limitsCPU, from: current, to: nil))
            calculations.append(
                Calculation(
                    field: ResourceField.limitsCPU.rawValue, formula: "throttlingResponse remove",
                    result: "removed"))
        case .raise:
            let ratioFactor = 1 + settings.throttlingBumpPercent / 100
            let bump = Double(settings.throttlingMinimumBumpMillicores) / 1000
            let usage = settings.cpuPercentile.value(in: cpu) * settings.cpuFactor
            let raw = max(limit * ratioFactor, limit + bump, usage, cpu.max)
            let target = Quantity.cpu(
                millicores: ResourceRounding.cpu(cores: raw, minimum: settings.minimumCPUMillicores))
            calculations.append(
                Calculation(
                    field: ResourceField.limitsCPU.rawValue,
                    formula: "max(limit \(Text.cores(limit)) × \(Text.number(ratioFactor)), limit + "
                        + "\(settings.throttlingMinimumBumpMillicores)m, \(settings.cpuPercentile.rawValue) × "
                        + "\(Text.number(settings.cpuFactor)) = \(Text.cores(usage)), peak \(Text.cores(cpu.max))) = "
                        + "\(Text.number(raw, decimals: 4)) cores, rounded up",
                    result: target.text))
            if current.map({ $0 < target }) ?? true {
                proposals.append(ResourceProposal(field: .limitsCPU, from: current, to: target))
            }
        }
        evidence.calculations = calculations.isEmpty ? nil : calculations
        let limitText = current?.text ?? Quantity.cpu(millicores: Int128((limit * 1000).rounded())).text
        let change = proposals.isEmpty ? "reported only" : Self.describe(proposals)
        return Finding(
            kind: .cpuThrottling, workload: workload, container: container.name,
            summary: "throttled in \(Text.percent(ratio)) of CFS periods with usage up to "
                + "\(Text.cores(cpu.max)) at the \(limitText) limit: \(change)",
            priority: .medium, confidence: .observed("throttling counters over the window"),
            evidence: evidence,
            proposals: proposals)
    }

    var throttlingRule: String {
        "throttled periods over \(Text.percent(settings.throttlingThreshold)) with the peak CPU at or above "
            + "\(Text.percent(settings.throttlingUsageFraction)) of the limit → "
            + (settings.throttlingResponse == .remove
                ? "remove the CPU limit"
                : settings.throttlingResponse == .report
                    ? "report"
                    : "CPU limit = max(limit × \(Text.number(1 + settings.throttlingBumpPercent / 100)), limit + "
                        + "\(settings.throttlingMinimumBumpMillicores)m, \(settings.cpuPercentile.rawValue) × "
                        + "\(Text.number(settings.cpuFactor)), peak), rounded up")
    }
}
