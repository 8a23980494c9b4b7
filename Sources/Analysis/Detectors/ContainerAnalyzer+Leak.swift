import Kubernetes
import Profiles

extension ContainerAnalyzer {
    /// The `memory-leak` finding: leak suspected, with the projected time to the limit. It
    /// proposes nothing: memory is held (or, after OOM kills, only the limit is raised by the
    /// `oom` finding, as OOM protection).
    func leakFinding(_ leak: LeakEvidence, oomDecided: Bool) -> Finding {
        var evidence = baseEvidence(rule: leakRule, metrics: [QuerySelection.memory])
        evidence.leak = leak
        let limitText = leak.limit.map { Quantity.memory(bytes: Int128($0.rounded())).text } ?? "?"
        let reach = leak.secondsToLimit.map { $0 == 0 ? "at" : "reaches" } ?? "reaches"
        let when = leak.secondsToLimit.map { $0 == 0 ? "now" : "in \(Text.duration($0))" } ?? ""
        var summary =
            "leak suspected: the working set grows \(Text.mebibytes(leak.slopeBytesPerHour))/h (R² "
            + "\(Text.number(leak.rSquared)) over \(Text.duration(leak.end - leak.start))) and \(reach) the "
            + "\(leak.limitField ?? "memory") \(limitText) \(when); memory is not sized up for it"
        if oomDecided {
            summary += " (the oom finding raises the limit only to stop the kills)"
        }
        let strong = leak.rSquared >= 0.95 && leak.end - leak.start >= 86_400
        let soon = (leak.secondsToLimit ?? .infinity) < 86_400
        return Finding(
            kind: .memoryLeak, workload: workload, container: container.name, summary: summary,
            priority: soon ? .high : .medium,
            confidence: Confidence(
                score: leak.rSquared, level: strong ? .high : .medium,
                basis: "R² \(Text.number(leak.rSquared)) over \(leak.points) points"),
            evidence: evidence)
    }

    var leakRule: String {
        "Theil–Sen line through the memory series since the last reset (a fall over "
            + "\(Text.number(settings.leakResetDropPercent)) %) or rollout, over at least "
            + "\(Text.duration(settings.leakMinimumSpanSeconds)): rising, R² ≥ \(Text.number(settings.leakMinimumFit)), "
            + "growth ≥ \(Text.number(settings.leakMinimumGrowthPercent)) %, reaching the limit within "
            + "\(Text.duration(settings.leakHorizonSeconds)) → leak suspected; memory is never sized up for a leak"
    }
}
