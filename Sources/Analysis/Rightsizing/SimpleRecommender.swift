import Kubernetes
import Telemetry

/// The first right-sizing rule: CPU request = p95 × 1.15 and memory request = limit = max × 1.15,
/// with minimums of 10m and 64Mi, rounded up to 5m and 1Mi. The CPU limit is left alone.
///
/// Rounding goes up so that a recommendation never falls below the margin it promises; a value
/// equal to the current one (compared as quantities, `1Gi` = `1024Mi`) is not proposed.
public struct SimpleRecommender: Sendable {
    public var margin: Double = 1.15
    public var minimumMillicores: Int128 = 10
    public var millicoreStep: Int128 = 5
    public var minimumBytes: Int128 = 64 * Quantity.mebi
    public var byteStep: Int128 = Quantity.mebi

    public init() {}

    /// The rule as the evidence states it.
    public var rule: String {
        "cpu request = p95 × \(margin) (min 10m, up to 5m); memory request = limit = max × \(margin) (min 64Mi, up to 1Mi)"
    }

    /// A finding for `container` of `workload`, or nil when the profile has no usable numbers or
    /// every proposal equals the current value.
    public func recommend(
        workload: WorkloadReference, container: ContainerSpec, profile: UsageProfile, window: Window
    ) -> Finding? {
        var proposals: [ResourceProposal] = []
        if let cpu = profile.cpu, cpu.samples > 0 {
            let millicores = roundUp(cpu.p95 * margin * 1000, step: millicoreStep, minimum: minimumMillicores)
            propose(.requestsCPU, .cpu(millicores: millicores), container, &proposals)
        }
        if let memory = profile.memory, memory.samples > 0 {
            let bytes = roundUp(memory.max * margin, step: byteStep, minimum: minimumBytes)
            propose(.requestsMemory, .memory(bytes: bytes), container, &proposals)
            propose(.limitsMemory, .memory(bytes: bytes), container, &proposals)
        }
        guard !proposals.isEmpty else { return nil }
        let evidence = Evidence(
            rule: rule, windowStart: window.start, windowEnd: window.end,
            cpuP95: profile.cpu?.p95, cpuSamples: profile.cpu?.samples,
            memoryMax: profile.memory?.max, memorySamples: profile.memory?.samples)
        return Finding(
            kind: .rightsize, workload: workload, container: container.name, evidence: evidence,
            proposals: proposals)
    }

    private func propose(
        _ field: ResourceField, _ value: Quantity, _ container: ContainerSpec,
        _ proposals: inout [ResourceProposal]
    ) {
        let current = container.resources[field]
        guard current != value else { return }
        proposals.append(ResourceProposal(field: field, from: current, to: value))
    }

    /// Rounds `value` up to a multiple of `step`, but not below `minimum`.
    ///
    /// The value is first rounded to six decimals so that binary floating-point noise
    /// (0.2 × 1.15 × 1000 = 229.99999999999997) does not push it into the next step.
    func roundUp(_ value: Double, step: Int128, minimum: Int128) -> Int128 {
        let cleaned = (value * 1e6).rounded() / 1e6
        let steps = Int128((cleaned / Double(step)).rounded(.up))
        return max(steps * step, minimum)
    }
}
