import Analysis
import Foundation
import Kubernetes
import Policy
import Profiles
import StewardPlanner

/// Renders a plan for a terminal or as JSON.
package enum PlanRenderer {
    /// The output formats of `steward plan`.
    package enum Format: String, Sendable, CaseIterable {
        case text
        case json
    }

    /// The plan in `format`, ending with a newline.
    package static func render(_ plan: Plan, as format: Format) -> String {
        switch format {
        case .text: text(plan)
        case .json: json(plan)
        }
    }

    static func json(_ plan: Plan) -> String {
        PlanDocument(plan).text
    }

    static func text(_ plan: Plan) -> String {
        var lines: [String] = []
        let days = plan.window.duration / 86_400
        lines.append(
            "Plan for \(plan.repository) (cluster \(plan.cluster), window \(Text.number(days)) days)")
        let allChanges = plan.changes
        let width = allChanges.map(\.field.label.count).max() ?? 0
        let fromWidth = allChanges.map { ($0.from ?? "unset").count }.max() ?? 0
        let toWidth = allChanges.map { Self.target($0).count }.max() ?? 0
        let basisWidth =
            plan.findings.flatMap { planned in
                planned.changes.map { Self.basis($0.field, planned.finding).count }
            }.max() ?? 0
        let implicit = Set(plan.targets.filter { $0.kind == .directory }.map(\.name))
        var lastWorkload: (WorkloadReference, String)?
        var lastContainer: String?
        for planned in plan.findings {
            let finding = planned.finding
            if lastWorkload.map({ $0 != (finding.workload, planned.target) }) ?? true {
                lines.append("")
                let files = plan.findings.filter {
                    $0.finding.workload == finding.workload && $0.target == planned.target
                }
                .flatMap(\.changes).map(\.file).reduce(into: [String]()) {
                    if !$0.contains($1) { $0.append($1) }
                }
                let target = implicit.contains(planned.target) ? [] : ["target \(planned.target)"]
                let place = [files.joined(separator: ", ")].filter { !$0.isEmpty } + target
                lines.append(
                    "\(finding.workload)" + (place.isEmpty ? "" : "  (\(place.joined(separator: ", ")))"))
                lastWorkload = (finding.workload, planned.target)
                lastContainer = nil
            }
            // A finding about no container (an Ingress) sits right under its subject.
            let contained = finding.container != Finding.noContainer
            if finding.container != lastContainer {
                if contained { lines.append("  container \(finding.container)") }
                lastContainer = finding.container
            }
            let indent = contained ? "    " : "  "
            let alone = !plan.findings.contains {
                $0.finding.workload == finding.workload && $0.finding.container == finding.container
                    && $0.finding.kind != finding.kind
            }
            // A lone right-sizing with changes speaks through its change lines.
            if finding.kind != .rightsize || planned.changes.isEmpty || !alone {
                lines.append(
                    "\(indent)\(finding.kind.rawValue) (\(finding.priority.rawValue)): \(finding.summary)")
            }
            for change in planned.changes {
                let label = change.field.label.padding(toLength: width, withPad: " ", startingAt: 0)
                let from = (change.from ?? "unset").padding(toLength: fromWidth, withPad: " ", startingAt: 0)
                let to = Self.target(change).padding(toLength: toWidth, withPad: " ", startingAt: 0)
                let basis = Self.basis(change.field, finding)
                    .padding(toLength: basisWidth, withPad: " ", startingAt: 0)
                let origin = change.definedIn.map { "  [defined in \($0.position)]" } ?? ""
                lines.append("    \(label)  \(from) -> \(to)  \(basis)  \(Self.decision(change))\(origin)")
            }
            if !planned.changes.isEmpty {
                lines += (finding.evidence.held ?? []).map { "    \($0)" }
                if let excluded = finding.evidence.excludedSamples {
                    lines.append("    \(excluded.description)")
                }
            }
            if let revert = planned.revert {
                lines.append(
                    "    revert \(revert.commit.short) \"\(revert.commit.summary)\"  \(Self.decision(revert.decision))"
                )
            }
            for rollback in plan.rollbacks where rollback.finding == finding.id {
                lines.append(
                    "    "
                        + (rollback.decision.permitsEdit
                            ? "\(rollback.summary)  \(Self.decision(rollback.decision))" : rollback.summary))
            }
        }
        let errors = plan.errors.filter(\.blocksWrites)
        let warnings = plan.errors.filter { !$0.blocksWrites }
        for (title, problems) in [("Errors:", errors), ("Warnings:", warnings)] where !problems.isEmpty {
            lines.append("")
            lines.append(title)
            for problem in problems {
                lines.append("  " + (problem.target.map { "target \($0): " } ?? "") + problem.description)
                for detail in problem.detail?.split(separator: "\n", omittingEmptySubsequences: false) ?? [] {
                    lines.append("    " + detail)
                }
            }
        }
        if !plan.skipped.isEmpty {
            lines.append("")
            lines.append("Skipped:")
            for skip in plan.skipped {
                lines.append("  \(skip.subject.workload) container \(skip.subject.container): \(skip.reason)")
            }
        }
        if !plan.notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines += plan.notes.map { "  \($0)" }
        }
        let written = plan.permittedChanges.count
        lines.append("")
        lines += policySummary(plan)
        lines.append(
            "\(Text.count(written, "change")) in \(Text.count(plan.fileEdits.count, "file")), "
                + "\(Text.count(plan.unchanged.count, "container")) already right-sized, \(plan.skipped.count) skipped"
                + Self.count(errors.count, "error") + Self.count(warnings.count, "warning")
        )
        if !plan.reverts.isEmpty {
            let permitted = plan.permittedReverts.count
            lines.append(
                "\(Text.count(plan.reverts.count, "revert")) proposed, \(permitted) allowed"
            )
        }
        if !plan.rollbacks.isEmpty {
            let permitted = plan.rollbacks.filter(\.decision.permitsEdit).count
            lines.append(
                "\(Text.count(plan.rollbacks.count, "rollback")) in Argo CD proposed, \(permitted) allowed")
        }
        lines.append(savings(plan.savings))
        var output = lines.joined(separator: "\n") + "\n"
        if !plan.diff.isEmpty {
            output += "\n" + plan.diff
        }
        return output
    }

    /// What a change writes: the value, or `removed`.
    private static func target(_ change: PlannedChange) -> String {
        change.to ?? "removed"
    }

    /// `Requests (× replicas): CPU 2.5 -> 1.2 cores (-1.3, -52 %), memory 6 GiB -> 2.5 GiB (-3.5 GiB, -58.3 %)`.
    static func savings(_ savings: Savings) -> String {
        func change(_ before: Double, _ after: Double, _ format: (Double) -> String) -> String {
            let difference = after - before
            guard difference != 0 else { return "(unchanged)" }
            let sign = difference > 0 ? "+" : "-"
            let percent =
                before > 0
                ? ", \(sign)\(Text.number((abs(difference) / before * 1000).rounded() / 10)) %" : ""
            return "(\(sign)\(format(abs(difference)))\(percent))"
        }
        let cpu =
            "CPU \(Text.number(savings.cpuBefore)) -> \(Text.number(savings.cpuAfter)) cores "
            + change(savings.cpuBefore, savings.cpuAfter) { Text.number($0) }
        let memory =
            "memory \(bytes(savings.memoryBefore)) -> \(bytes(savings.memoryAfter)) "
            + change(savings.memoryBefore, savings.memoryAfter, bytes)
        return "Requests (× replicas): \(cpu), \(memory)"
    }

    /// Bytes in GiB from one GiB up, else in MiB: `1.5 GiB`, `448 MiB`.
    private static func bytes(_ value: Double) -> String {
        value >= 1_073_741_824
            ? "\(Text.number(value / 1_073_741_824)) GiB" : "\(Text.number(value / 1_048_576)) MiB"
    }

    /// The policy's decision on a change: `allowed (rule r)`, `clamped from 180m: <bound> (rule r)`,
    /// `rejected: <reason> (rule r)`.
    package static func decision(_ change: PlannedChange) -> String {
        let decision = change.decision
        let rule = decision.rule.map { " (rule \($0))" } ?? ""
        switch decision.outcome {
        case .clamped:
            return "clamped from \(change.proposed ?? "removed"): \(decision.bound ?? "a bound")\(rule)"
        case .allowed, .rejected: return Self.decision(decision)
        }
    }

    /// `allowed (rule r)` or `rejected: <reason> (rule r)`.
    static func decision(_ decision: PolicyDecision) -> String {
        let rule = decision.rule.map { " (rule \($0))" } ?? ""
        switch decision.outcome {
        case .allowed: return "allowed\(rule)"
        case .clamped: return "clamped: \(decision.bound ?? "a bound")\(rule)"
        case .rejected: return "rejected: \(decision.reason ?? "not allowed")\(rule)"
        }
    }

    /// The policy in force, its decisions, and what a missing or broken one means.
    private static func policySummary(_ plan: Plan) -> [String] {
        switch plan.policy {
        case .loaded(let policy):
            let counts = PolicyDecision.Outcome.allCases.map { outcome in
                "\(plan.changes.filter { $0.decision.outcome == outcome }.count) \(outcome.rawValue)"
            }
            var lines = ["Policy \(policy.path) (\(policy.name)): \(counts.joined(separator: ", "))"]
            if let schedule = policy.schedule, let open = plan.scheduleOpen {
                lines.append(
                    "Schedule \(schedule): "
                        + (open ? "open now" : "closed now, so `run` would only plan"))
            }
            return lines
        case .missing(let path):
            return [
                "No policy: \(path) does not exist, so every proposal is rejected (default deny).",
                "Add the documented default with `steward policy init --repo \(plan.repository)`, review it "
                    + "and commit it.",
            ]
        case .invalid(let path, let error):
            return ["Policy \(path) does not load, so every proposal is rejected:"]
                + error.messages
        }
    }

    /// The number behind a proposal: `(p95 0.156 cores)`, `(max 333.9 MiB)`, `(OOM at 512 MiB)`,
    /// `(throttled 38 %)`.
    private static func basis(_ field: ResourceField, _ finding: Finding) -> String {
        let evidence = finding.evidence
        switch (finding.kind, field.resource) {
        case (.oom, _):
            guard let level = evidence.oomKillLimit ?? evidence.memoryMax else { return "" }
            return "(OOM at \(Text.number(level / 1_048_576)) MiB)"
        case (.cpuThrottling, _):
            guard let ratio = evidence.throttlingRatio else { return "" }
            return "(throttled \(Text.number(ratio * 100)) %)"
        case (_, "cpu"):
            guard let usage = evidence.cpuUsage ?? evidence.cpuP95 else { return "" }
            return "(\(evidence.cpuPercentile ?? "p95") \(Text.number(usage)) cores)"
        default:
            guard let max = evidence.memoryMax else { return "" }
            return "(max \(Text.number(max / 1_048_576)) MiB)"
        }
    }

    /// `, 2 errors` (nothing for zero).
    private static func count(_ count: Int, _ noun: String) -> String {
        count == 0 ? "" : ", \(Text.count(count, noun))"
    }
}
