import Analysis
import Foundation
import Kubernetes
import Profiles
import StewardPlanner

/// The words of a bot commit: a subject that says what changes at a glance
/// (`steward: right-size shop/web container app (cpu 500m→180m, memory 1Gi→384Mi)`) and a body
/// with the evidence summary. The trailers come from ``BotCommitMessage``.
enum CommitMessageWriter {
    /// The subject line of the commit for `planned`.
    static func subject(_ planned: PlannedFinding) -> String {
        let finding = planned.finding
        return "steward: \(verb(finding.kind)) \(finding.workload.namespace)/\(finding.workload.name) "
            + "container \(finding.container) (\(summary(planned.writtenChanges)))"
    }

    /// `cpu 500m→180m, memory 1Gi→384Mi`: one entry per resource when its request and limit move
    /// alike, one per field otherwise.
    static func summary(_ changes: [PlannedChange]) -> String {
        var parts: [String] = []
        for resource in ["cpu", "memory"] {
            let moves = changes.filter { $0.field.resource == resource }
            guard let first = moves.first else { continue }
            if moves.allSatisfy({ $0.from == first.from && $0.to == first.to }) {
                parts.append("\(resource) \(first.from ?? "unset")→\(first.to ?? "removed")")
            } else {
                parts += moves.map { "\($0.field.label) \($0.from ?? "unset")→\($0.to ?? "removed")" }
            }
        }
        return parts.joined(separator: ", ")
    }

    /// The body: each change with the number behind it and the policy's word, the window, and
    /// the rule.
    static func body(_ planned: PlannedFinding, window: Window, cluster: String) -> String {
        let changes = planned.writtenChanges
        let evidence = planned.finding.evidence
        let labelWidth = changes.map(\.field.label.count).max() ?? 0
        let moveWidth = changes.map { move($0).count }.max() ?? 0
        var lines = [
            "Sized from the usage of the last \(Text.days(window)) in cluster \(cluster) "
                + "(\(Text.date(window.start)) to \(Text.date(window.end)) UTC).", "",
        ]
        for change in changes {
            let label = change.field.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let moved = move(change).padding(toLength: moveWidth, withPad: " ", startingAt: 0)
            lines.append("\(label)  \(moved)  \(basis(change.field, evidence)); \(decision(change))")
        }
        lines += ["", "Rule: \(evidence.rule)."]
        lines.append(
            "Evidence: the note on this commit in refs/notes/steward (Steward-Evidence is its SHA-256).")
        return lines.joined(separator: "\n") + "\n"
    }

    static func verb(_ kind: FindingKind) -> String {
        switch kind {
        case .rightsize: "right-size"
        case .oom: "raise memory after OOM kills of"
        case .cpuThrottling: "raise the CPU limit of"
        case .regressionAfterChange: "revert"
        case .memoryLeak, .crashLoop, .probeFailure: "report"
        }
    }

    private static func move(_ change: PlannedChange) -> String {
        "\(change.from ?? "unset") -> \(change.to ?? "removed")"
    }

    /// `p95 0.156 cores over 6048 samples`, `max 333.9 MiB over 6048 samples`: the CPU
    /// percentile the request was sized from (the policy's `spec.recommender` may choose p99),
    /// p95 for findings that were not sized from one.
    static func basis(_ field: ResourceField, _ evidence: Evidence) -> String {
        let excluded = evidence.excludedSamples
        switch field.resource {
        case "cpu":
            let samples =
                "over \(evidence.cpuSamples ?? 0) samples"
                + (excluded.map { " (\($0.cpu) of a \($0.reason) left out)" } ?? "")
            if let percentile = evidence.cpuPercentile, let usage = evidence.cpuUsage {
                return "\(percentile) \(Text.number(usage)) cores \(samples)"
            }
            guard let p95 = evidence.cpuP95 else { return "no CPU samples" }
            return "p95 \(Text.number(p95)) cores \(samples)"
        default:
            guard let max = evidence.memoryMax else { return "no memory samples" }
            return "max \(Text.mebibyteFigure(max)) MiB over \(evidence.memorySamples ?? 0) samples"
                + (excluded.map { " (\($0.memory) of a \($0.reason) left out)" } ?? "")
        }
    }

    /// `allowed by rule demo-apps`, `clamped from 180m by maxDecreasePercent 50 of 500m (rule r)`.
    static func decision(_ change: PlannedChange) -> String {
        let rule = change.decision.rule ?? "no rule"
        switch change.decision.outcome {
        case .allowed: return "allowed by rule \(rule)"
        case .clamped:
            return
                "clamped from \(change.proposed ?? "removed") by \(change.decision.bound ?? "a bound") (rule \(rule))"
        case .rejected: return "rejected: \(change.decision.reason ?? "not allowed") (rule \(rule))"
        }
    }
}

extension PlannedFinding {
    /// The changes the policy lets Steward write, in plan order.
    package var writtenChanges: [PlannedChange] { changes.filter(\.decision.permitsEdit) }

    /// The rule that allowed the written changes: the first rule selecting the workload decides
    /// for all of them.
    var allowingRule: String? { writtenChanges.lazy.compactMap(\.decision.rule).first }
}
