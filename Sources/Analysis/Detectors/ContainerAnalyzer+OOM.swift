import Kubernetes
import Profiles

extension ContainerAnalyzer {
    /// The `oom` finding: OOM kills in the window raise the memory limit above the limit the
    /// container was killed at, even with short history. The working set reached that limit, so
    /// the peak of a killed instance is at least the limit: the new limit starts there.
    ///
    /// The limit becomes `max(limit at kill × (1 + oomBumpPercent), limit at kill + oomMinimumBump,
    /// peak × memory margin)`; the request rises to it too, unless a leak is suspected (a leak is
    /// not fixed by reserving more memory) or an autoscaler scales on memory utilisation.
    func oomFinding(leakSuspected: Bool) -> Finding? {
        guard let kills = profile.oomKills, kills > 0 else { return nil }
        let peak = profile.memory?.max
        let level: (bytes: Double, source: String)? =
            profile.oomKillLimit.map { ($0, "oomKillLimit of the profile") }
            ?? profile.limits?.memory.map { ($0, "the live limit at the window's end") }
            ?? container.resources[.limitsMemory].map { ($0.value, "the limit in Git") }

        var evidence = baseEvidence(rule: oomRule, metrics: [QuerySelection.oom, QuerySelection.memory])
        evidence.oomKillLimit = level?.bytes
        evidence.oomKillLimitSource = level?.source
        var calculations: [Calculation] = []
        let ratio = 1 + settings.oomBumpPercent / 100
        let minimumBump = Double(settings.oomMinimumBumpBytes)
        guard let start = level?.bytes ?? peak else {
            return Finding(
                kind: .oom, workload: workload, container: container.name,
                summary:
                    "\(Text.count(kills, "OOM kill")) in the window, but neither the limit nor the "
                    + "usage is known: nothing to size from",
                priority: .high, confidence: .observed("\(kills) OOM kills observed"), evidence: evidence)
        }
        let startName = level == nil ? "peak" : "limit at the kill"
        let bumped = max(start * ratio, start + minimumBump)
        calculations.append(
            Calculation(
                field: "oom bump",
                formula: "max(\(startName) \(Text.mebibytes(start)) × \(Text.number(ratio)), \(startName) "
                    + "\(Text.mebibytes(start)) + \(Text.mebibytes(minimumBump))) = \(Text.mebibytes(bumped))",
                result: Text.mebibytes(bumped)))
        var raw = bumped
        if let peak, peak * settings.memoryFactor > raw {
            raw = peak * settings.memoryFactor
            calculations.append(
                Calculation(
                    field: "oom peak",
                    formula: "peak \(Text.mebibytes(peak)) × \(Text.number(settings.memoryFactor)) = "
                        + "\(Text.mebibytes(raw)), above the bump",
                    result: Text.mebibytes(raw)))
        }
        let target = Quantity.memory(
            bytes: ResourceRounding.memory(bytes: raw, minimum: settings.minimumMemoryBytes))
        calculations.append(
            Calculation(field: "memory", formula: "\(Text.mebibytes(raw)), up to 1Mi", result: target.text))

        var proposals: [ResourceProposal] = []
        var held: [String] = []
        let limitKnown = level != nil
        if limitKnown, (container.resources[.limitsMemory].map { $0 < target }) ?? true {
            proposals.append(
                ResourceProposal(field: .limitsMemory, from: container.resources[.limitsMemory], to: target))
        }
        if leakSuspected {
            held.append(
                "requests.memory held: a leak is suspected, and a leak is not fixed by reserving memory")
        } else if let autoscaler, let percent = autoscaler.utilization["memory"] {
            held.append(
                "requests.memory held: HorizontalPodAutoscaler \(autoscaler.name) scales on \(percent) % memory "
                    + "utilisation of the request")
        } else if (container.resources[.requestsMemory].map { $0 < target }) ?? true {
            proposals.append(
                ResourceProposal(
                    field: .requestsMemory, from: container.resources[.requestsMemory], to: target))
        }
        proposals.sort { $0.field < $1.field }
        evidence.calculations = calculations
        evidence.held = held.isEmpty ? nil : held
        evidence.replay = replay(after: proposals, oomKillLevel: level?.bytes)

        let at =
            level.map { " at the \(Quantity.memory(bytes: Int128($0.bytes.rounded())).text) limit" } ?? ""
        let change =
            proposals.isEmpty ? "the manifest already allows \(target.text)" : Self.describe(proposals)
        return Finding(
            kind: .oom, workload: workload, container: container.name,
            summary: "\(Text.count(kills, "OOM kill"))\(at): \(change)",
            priority: .high, confidence: .observed("\(Text.count(kills, "OOM kill")) observed"),
            evidence: evidence, proposals: proposals)
    }

    var oomRule: String {
        "memory limit = max(limit at the kill × \(Text.number(1 + settings.oomBumpPercent / 100)), limit at the kill + "
            + "\(settings.oomMinimumBumpBytes / Quantity.mebi)Mi, peak × \(Text.number(settings.memoryFactor))), "
            + "up to 1Mi; the request rises to it unless a leak is suspected or an autoscaler scales on memory; "
            + "never lowered, whatever the history length"
    }
}
