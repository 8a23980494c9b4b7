import Kubernetes
import Profiles

extension ContainerAnalyzer {
    /// The rightsize finding: every field no detector decided, sized from the profile. Nil when
    /// nothing changes and no autoscaler holds a request (a hold is reported even without a change).
    ///
    /// - Parameters:
    ///   - decided: fields another finding of the container already decides.
    ///   - cpuLimit: the CPU limit in force once the throttling finding has spoken.
    ///   - leakSuspected: memory is then held, but for a limit below the peak (OOM protection).
    ///   - held: holds to report, e.g. memory held for a suspected leak.
    func rightsizeFinding(
        decided: Set<ResourceField>, cpuLimit: Quantity?, leakSuspected: Bool, held: [String]
    ) -> Finding? {
        var proposals: [ResourceProposal] = []
        var calculations: [Calculation] = []
        var held = held
        var withinBand: [String] = []
        var autoscalerHold = false

        var cpuRequestAfter = container.resources[.requestsCPU]
        if let cpu = profile.cpu, cpu.samples > 0, !decided.contains(.requestsCPU) {
            if let autoscaler, let percent = autoscaler.utilization["cpu"] {
                held.append(
                    "requests.cpu held: HorizontalPodAutoscaler \(autoscaler.name) scales on \(percent) % CPU "
                        + "utilisation of the request; changing the request would move its target")
                autoscalerHold = true
            } else {
                let limitCap = settings.cpuLimit == .keep || decided.contains(.limitsCPU) ? cpuLimit : nil
                let (target, calculation) = cpuRequest(cpu, cappedAt: limitCap)
                calculations.append(calculation)
                if propose(.requestsCPU, target, to: &proposals, withinBand: &withinBand) {
                    cpuRequestAfter = target
                }
            }
        }
        if let cpu = profile.cpu, cpu.samples > 0, !decided.contains(.limitsCPU) {
            cpuLimitRule(
                cpu, request: cpuRequestAfter, proposals: &proposals, calculations: &calculations,
                withinBand: &withinBand)
        }
        if let memory = profile.memory, memory.samples > 0, !decided.contains(.limitsMemory) {
            autoscalerHold =
                sizeMemory(
                    memory, leakSuspected: leakSuspected, proposals: &proposals, calculations: &calculations,
                    held: &held, withinBand: &withinBand)
                || autoscalerHold
        }
        guard !proposals.isEmpty || autoscalerHold else { return nil }

        var evidence = baseEvidence(
            rule: rightsizeRule, metrics: [QuerySelection.cpu, QuerySelection.memory])
        evidence.cpuPercentile = settings.cpuPercentile.rawValue
        evidence.cpuUsage = profile.cpu.map { settings.cpuPercentile.value(in: $0) }
        evidence.cpuMax = profile.cpu?.max
        evidence.calculations = calculations
        evidence.held = held.isEmpty ? nil : held
        evidence.withinHysteresis = withinBand.isEmpty ? nil : withinBand
        evidence.replay = replay(after: proposals)
        let summary =
            proposals.isEmpty
            ? held.filter { $0.contains("HorizontalPodAutoscaler") }.joined(separator: "; ")
            : Self.describe(proposals)
        return Finding(
            kind: .rightsize, workload: workload, container: container.name, summary: summary,
            priority: .low, confidence: .fromHistory(seconds: history.seconds), evidence: evidence,
            proposals: proposals)
    }

    /// The rule as the evidence states it, with the settings in force.
    var rightsizeRule: String {
        let cpuMargin = Text.number(settings.cpuFactor)
        let memoryMargin = Text.number(settings.memoryFactor)
        return
            "cpu request = \(settings.cpuPercentile.rawValue) × \(cpuMargin) (min \(settings.minimumCPUMillicores)m, "
            + "up to 5m steps up to 1 core and 50m above, never above the CPU limit); memory request = limit = "
            + "peak × \(memoryMargin) (min \(settings.minimumMemoryBytes / Quantity.mebi)Mi, up to 1Mi); "
            + "requests an autoscaler scales on are held; \(settings.hysteresisText); needs "
            + "\(Text.duration(settings.minimumHistorySeconds)) of history"
    }

    /// The CPU request from the configured percentile and margin, and its calculation.
    private func cpuRequest(_ cpu: CPUUsage, cappedAt limit: Quantity?) -> (Quantity, Calculation) {
        let usage = settings.cpuPercentile.value(in: cpu)
        let raw = usage * settings.cpuFactor
        var millicores = ResourceRounding.cpu(cores: raw, minimum: settings.minimumCPUMillicores)
        var formula =
            "\(settings.cpuPercentile.rawValue) \(Text.cores(usage)) × \(Text.number(settings.cpuFactor)) = "
            + "\(Text.number(raw, decimals: 4)) cores, up to a \(raw * 1000 <= 1000 ? "5m" : "50m") step"
        if millicores == settings.minimumCPUMillicores && raw * 1000 < Double(settings.minimumCPUMillicores) {
            formula += ", at least the minimum \(settings.minimumCPUMillicores)m"
        }
        if let limit, millicores * 1_000_000 > limit.nanos {
            millicores = limit.nanos / 1_000_000
            formula += ", capped at the CPU limit \(limit.text)"
        }
        let target = Quantity.cpu(millicores: millicores)
        return (
            target,
            Calculation(field: ResourceField.requestsCPU.rawValue, formula: formula, result: target.text)
        )
    }

    /// Applies the policy's CPU limit rule (`keep` by default).
    private func cpuLimitRule(
        _ cpu: CPUUsage, request: Quantity?, proposals: inout [ResourceProposal],
        calculations: inout [Calculation], withinBand: inout [String]
    ) {
        let current = container.resources[.limitsCPU]
        switch settings.cpuLimit {
        case .keep:
            return
        case .remove:
            guard let current else { return }
            proposals.append(ResourceProposal(field: .limitsCPU, from: current, to: nil))
            calculations.append(
                Calculation(
                    field: ResourceField.limitsCPU.rawValue, formula: "the policy removes CPU limits",
                    result: "removed"))
        case .multipleOfRequest(let multiple):
            guard let request else { return }
            let factor = max(1, multiple)
            let raw = max(request.value * factor, cpu.max)
            let target = Quantity.cpu(
                millicores: ResourceRounding.cpu(cores: raw, minimum: settings.minimumCPUMillicores))
            calculations.append(
                Calculation(
                    field: ResourceField.limitsCPU.rawValue,
                    formula:
                        "max(request \(request.text) × \(Text.number(factor)), peak \(Text.cores(cpu.max))) = "
                        + "\(Text.number(raw, decimals: 4)) cores, rounded up",
                    result: target.text))
            _ = propose(.limitsCPU, target, to: &proposals, withinBand: &withinBand)
        }
    }

    /// Sizes the memory request and limit from the peak; returns whether an autoscaler holds
    /// the request. With a suspected leak only a limit below the peak is raised.
    private func sizeMemory(
        _ memory: MemoryUsage, leakSuspected: Bool, proposals: inout [ResourceProposal],
        calculations: inout [Calculation], held: inout [String], withinBand: inout [String]
    ) -> Bool {
        let raw = memory.max * settings.memoryFactor
        let target = Quantity.memory(
            bytes: ResourceRounding.memory(bytes: raw, minimum: settings.minimumMemoryBytes))
        var formula =
            "peak \(Text.mebibytes(memory.max)) × \(Text.number(settings.memoryFactor)) = \(Text.mebibytes(raw)), "
            + "up to 1Mi"
        if ResourceRounding.memory(bytes: raw, minimum: 0) < settings.minimumMemoryBytes {
            formula += ", at least the minimum \(settings.minimumMemoryBytes / Quantity.mebi)Mi"
        }
        let current = container.resources[.limitsMemory]
        let belowPeak = current.map { $0.value <= memory.max } ?? false
        guard !leakSuspected || belowPeak else { return false }
        calculations.append(Calculation(field: "memory", formula: formula, result: target.text))

        var autoscalerHold = false
        var requestAfter = container.resources[.requestsMemory]
        // Under a suspected leak only the limit is OOM protection; the request stays.
        if !leakSuspected {
            if let autoscaler, let percent = autoscaler.utilization["memory"] {
                held.append(
                    "requests.memory held: HorizontalPodAutoscaler \(autoscaler.name) scales on \(percent) % "
                        + "memory utilisation of the request; changing the request would move its target")
                autoscalerHold = true
            } else if propose(.requestsMemory, target, to: &proposals, withinBand: &withinBand) {
                requestAfter = target
            }
        }

        var limit = target
        if let requestAfter, requestAfter > limit {
            limit = requestAfter
            calculations.append(
                Calculation(
                    field: ResourceField.limitsMemory.rawValue,
                    formula: "raised to the request \(requestAfter.text): a limit is never below the request",
                    result: limit.text))
        }
        // A limit not above the peak, or below the new request, is raised whatever the hysteresis
        // says: the first is an OOM kill waiting to happen (the next sync of a lowered limit, the
        // next peak), the second a manifest the API server refuses.
        let belowRequest = current.map { current in requestAfter.map { $0 > current } ?? false } ?? false
        _ = propose(
            .limitsMemory, limit, to: &proposals, withinBand: &withinBand, force: belowPeak || belowRequest)
        return autoscalerHold
    }

    /// Appends a proposal for `field` unless it equals the current value or is within the
    /// hysteresis band (which `force` overrides, and which `withinBand` then notes); returns
    /// whether it was appended.
    func propose(
        _ field: ResourceField, _ target: Quantity, to proposals: inout [ResourceProposal],
        withinBand: inout [String], force: Bool = false
    ) -> Bool {
        let current = container.resources[field]
        guard current != target else { return false }
        if !force && settings.withinHysteresis(field, from: current, to: target) {
            withinBand.append(
                "\(field.rawValue) held at \(current?.text ?? "unset"): \(target.text) is within the hysteresis band "
                    + "(\(settings.hysteresisText))")
            return false
        }
        proposals.append(ResourceProposal(field: field, from: current, to: target))
        return true
    }
}
