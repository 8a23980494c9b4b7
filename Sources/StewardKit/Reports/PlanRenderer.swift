import Analysis
import Foundation
import Kubernetes
import Policy

/// Renders a plan for a terminal or as JSON.
public enum PlanRenderer {
    /// The output formats of `steward plan`.
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
    }

    /// The plan in `format`, ending with a newline.
    public static func render(_ plan: Plan, as format: Format) -> String {
        switch format {
        case .text: text(plan)
        case .json: json(plan)
        }
    }

    static func json(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types with string keys cannot fail.
        let data = try! encoder.encode(PlanDocument(plan))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func text(_ plan: Plan) -> String {
        var lines: [String] = []
        let days = plan.window.duration / 86_400
        lines.append(
            "Plan for \(plan.repository) (cluster \(plan.cluster), window \(Self.number(days)) days)")
        let allChanges = plan.changes
        let width = allChanges.map(\.field.label.count).max() ?? 0
        let fromWidth = allChanges.map { ($0.from ?? "unset").count }.max() ?? 0
        let toWidth = allChanges.map(\.to.count).max() ?? 0
        let basisWidth =
            plan.findings.flatMap { planned in
                planned.changes.map { Self.basis($0.field, planned.finding.evidence).count }
            }.max() ?? 0
        let implicit = Set(plan.targets.filter { $0.kind == .directory }.map(\.name))
        var lastWorkload: (WorkloadReference, String)?
        for planned in plan.findings {
            let finding = planned.finding
            if lastWorkload.map({ $0 != (finding.workload, planned.target) }) ?? true {
                lines.append("")
                let files = planned.changes.map(\.file).reduce(into: [String]()) {
                    if !$0.contains($1) { $0.append($1) }
                }
                let target = implicit.contains(planned.target) ? "" : ", target \(planned.target)"
                lines.append("\(finding.workload)  (\(files.joined(separator: ", "))\(target))")
                lastWorkload = (finding.workload, planned.target)
            }
            lines.append("  container \(finding.container)")
            for change in planned.changes {
                let label = change.field.label.padding(toLength: width, withPad: " ", startingAt: 0)
                let from = (change.from ?? "unset").padding(toLength: fromWidth, withPad: " ", startingAt: 0)
                let to = change.to.padding(toLength: toWidth, withPad: " ", startingAt: 0)
                let basis = Self.basis(change.field, finding.evidence)
                    .padding(toLength: basisWidth, withPad: " ", startingAt: 0)
                let origin = change.definedIn.map { "  [defined in \($0.position)]" } ?? ""
                lines.append("    \(label)  \(from) -> \(to)  \(basis)  \(Self.decision(change))\(origin)")
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
        let written = plan.permittedChanges.count
        lines.append("")
        lines += policySummary(plan)
        lines.append(
            "\(written) change\(written == 1 ? "" : "s") in \(plan.fileEdits.count) "
                + "file\(plan.fileEdits.count == 1 ? "" : "s"), \(plan.unchanged.count) container"
                + "\(plan.unchanged.count == 1 ? "" : "s") already right-sized, \(plan.skipped.count) skipped"
                + Self.count(errors.count, "error") + Self.count(warnings.count, "warning")
        )
        var output = lines.joined(separator: "\n") + "\n"
        if !plan.diff.isEmpty {
            output += "\n" + plan.diff
        }
        return output
    }

    /// The policy's decision on a change: `allowed (rule r)`, `clamped from 180m: <bound> (rule r)`,
    /// `rejected: <reason> (rule r)`.
    static func decision(_ change: PlannedChange) -> String {
        let decision = change.decision
        let rule = decision.rule.map { " (rule \($0))" } ?? ""
        switch decision.outcome {
        case .allowed: return "allowed\(rule)"
        case .clamped: return "clamped from \(change.proposed): \(decision.bound ?? "a bound")\(rule)"
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

    /// The number behind a proposal, e.g. `(p95 0.156 cores × 1.15)`.
    private static func basis(_ field: ResourceField, _ evidence: Evidence) -> String {
        switch field.resource {
        case "cpu":
            guard let p95 = evidence.cpuP95 else { return "" }
            return "(p95 \(number(p95)) cores)"
        default:
            guard let max = evidence.memoryMax else { return "" }
            return "(max \(number(max / 1_048_576)) MiB)"
        }
    }

    /// `, 2 errors` (nothing for zero).
    private static func count(_ count: Int, _ noun: String) -> String {
        count == 0 ? "" : ", \(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// A number with at most three decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
