import Analysis
import Foundation
import GitStore
import Kubernetes
import Policy
import Profiles
import StewardPlanner
import StewardReports

/// Turns a built branch into the pull request's title and the template's context.
package struct PullRequestComposer {
    let plan: Plan
    let profiles: UsageProfiles
    /// How the profiles were obtained, in words (`the profiles file profiles.json`).
    let source: String
    let policyBlob: String
    let base: String
    let grouping: Grouping
    let run: String

    /// `steward: right-size shop/web container app (cpu 500m→180m)` for one finding,
    /// `steward: right-size 3 containers in namespace shop` for several.
    func title(_ branch: BuiltBranch) -> String {
        if branch.group.revert != nil, let subject = branch.commits.first?.message.subject { return subject }
        let findings = branch.group.findings
        if findings.count == 1 { return CommitMessageWriter.subject(findings[0]) }
        // A container can have several findings (an OOM kill and a CPU right-sizing).
        return
            "steward: right-size \(Text.count(Self.containers(of: findings), "container")) in \(grouping.scope(branch.group.name))"
    }

    /// The body of the pull request for `branch`, from the template for its kind.
    func body(_ branch: BuiltBranch, templates: PullRequestTemplates) -> String {
        if let revert = branch.group.revert, let reverted = branch.reverted {
            return templates.revert.render(revertContext(branch, revert, reverted))
        }
        return templates.rightsize.render(context(branch))
    }

    func revertContext(_ branch: BuiltBranch, _ revert: RevertProposal, _ reverted: CommitInfo)
        -> RevertPullRequestContext
    {
        let entries = revert.evidence.sorted { $0.key < $1.key }.map {
            RevertPullRequestContext.Entry(name: $0.key, value: $0.value)
        }
        let policyName = plan.policy.policy.map { " (\($0.name))" } ?? ""
        return RevertPullRequestContext(
            title: title(branch), commit: reverted.id.hex, short: reverted.id.short,
            subject: reverted.summary,
            author: reverted.author.name,
            date: reverted.author.date.formatted(
                Date.ISO8601FormatStyle(timeZone: .gmt)),
            workload: revert.workload.description, container: revert.container, reason: revert.reason,
            evidence: entries.isEmpty ? nil : RevertPullRequestContext.EntryList(items: entries),
            rollback: revert.rollback.map { RevertPullRequestContext.Rollback(text: $0.pullRequestText) },
            policy: "Policy `\(plan.policy.path)`\(policyName) at blob \(policyBlob.prefix(7)): "
                + "the revert is \(revert.decision).",
            branch: branch.group.branch, base: base, lastCommit: branch.tip.short, run: run)
    }

    /// How many distinct containers `findings` are about.
    static func containers(of findings: [PlannedFinding]) -> Int {
        Set(findings.map { "\($0.target) \($0.finding.workload) \($0.finding.container)" }).count
    }

    func context(_ branch: BuiltBranch) -> PullRequestContext {
        let group = branch.group
        let rows = group.findings.flatMap { planned in planned.writtenChanges.map { row($0, planned.finding) }
        }
        let rejected = (group.findings + group.held).flatMap { planned in
            planned.changes.filter { !$0.decision.permitsEdit }.map { row($0, planned.finding) }
        }
        let containers = branch.commits.compactMap { commit in commit.finding.map { container(commit.id, $0) }
        }
        let written = group.changes
        let counts = PolicyDecision.Outcome.allCases.filter { $0 != .rejected }.map { outcome in
            "\(written.filter { $0.decision.outcome == outcome }.count) \(outcome.rawValue)"
        }
        let policyName = plan.policy.policy.map { " (\($0.name))" } ?? ""
        return PullRequestContext(
            title: title(branch),
            summary:
                "\(Text.count(written.count, "change")) to \(Text.count(Self.containers(of: group.findings), "container"))",
            scope: grouping.scope(group.name), cluster: plan.cluster,
            window: PullRequestContext.WindowText(
                length: Text.days(plan.window), start: Text.date(plan.window.start),
                end: Text.date(plan.window.end)),
            changes: rows, savings: savings(written), containers: containers,
            policy: "Policy `\(plan.policy.path)`\(policyName) at blob \(policyBlob.prefix(7)): "
                + counts.joined(separator: ", ") + ".",
            rejected: rejected.isEmpty ? nil : PullRequestContext.RejectedList(items: rejected),
            source: source,
            queries: profiles.source?.queries.flatMap {
                $0.isEmpty ? nil : PullRequestContext.QueryList(items: $0)
            },
            branch: group.branch, base: base, lastCommit: branch.tip.short, run: run)
    }

    private func row(_ change: PlannedChange, _ finding: Finding) -> PullRequestContext.ChangeRow {
        PullRequestContext.ChangeRow(
            workload: finding.workload.description, container: finding.container, field: change.field.label,
            current: change.from ?? "unset", proposed: change.to ?? "removed",
            decision: PlanRenderer.decision(change))
    }

    private func container(_ commit: ObjectID, _ planned: PlannedFinding) -> PullRequestContext.Container {
        let finding = planned.finding
        let profile = profiles.profile(of: finding)
        let limit = planned.writtenChanges.first { $0.field == .limitsMemory }
        let current: Double? =
            if let limit { limit.from.flatMap(Quantity.init)?.value } else { profile?.limits?.memory }
        let proposed = limit.flatMap { $0.to.flatMap(Quantity.init)?.value } ?? current
        return PullRequestContext.Container(
            workload: finding.workload.description, container: finding.container,
            file: planned.changes.first?.file ?? "", commit: commit.short,
            cpu: profile?.cpu.map { cpu in
                PullRequestContext.CPUUsageRow(
                    p50: Text.number(cpu.p50), p95: Text.number(cpu.p95),
                    p99: Text.number(cpu.p99), peak: Text.number(cpu.max),
                    samples: "\(cpu.samples)")
            },
            memory: profile?.memory.map { memory in
                PullRequestContext.MemoryUsageRow(
                    p50: Text.mebibyteFigure(memory.p50), p95: Text.mebibyteFigure(memory.p95),
                    peak: Text.mebibyteFigure(memory.max), samples: "\(memory.samples)")
            },
            oomKills: profile?.oomKills.map(String.init) ?? "unknown",
            restarts: profile?.restarts.map(String.init) ?? "unknown",
            throttling: profile?.throttlingRatio.map { "\(Text.number($0 * 100))%" } ?? "unknown",
            window: Text.days(plan.window),
            chart: MemoryChart(
                title:
                    "\(finding.workload.namespace)/\(finding.workload.name) \(finding.container): memory (MiB)",
                series: profile?.memorySeries, window: plan.window, current: current, proposed: proposed))
    }

    /// The change of requested CPU and memory per pod: `CPU −320m, memory −1,280 MiB`.
    private func savings(_ changes: [PlannedChange]) -> String {
        var cpu = 0.0
        var memory = 0.0
        for change in changes {
            let from = change.from.flatMap(Quantity.init)
            guard let to = change.to.flatMap(Quantity.init) else { continue }
            switch change.field {
            case .requestsCPU: cpu += to.value - (from?.value ?? 0)
            case .requestsMemory: memory += to.value - (from?.value ?? 0)
            default: continue
            }
        }
        let sign = { (value: Double) in value < 0 ? "−" : "+" }
        let cpuText = "CPU \(sign(cpu))\(Text.number(abs(cpu) * 1000))m"
        let memoryText = "memory \(sign(memory))\(Text.mebibyteFigure(abs(memory))) MiB"
        return "\(cpuText), \(memoryText)" + (cpu <= 0 && memory <= 0 ? " (freed for other workloads)" : "")
    }
}
