import Foundation
import Kubernetes
import Profiles
import PrometheusAPI
import StewardPlanner
import StewardPublisher

/// What one run did: the plan in numbers, the outcome of every bot branch, and how to exit.
package struct RunReport: Sendable {
    /// The run id, as in every commit's `Steward-Run` trailer.
    package var run: String
    /// The remote, without credentials.
    package var repository: String
    package var baseBranch: String
    /// The base commit the run planned and built on.
    package var baseCommit: String
    package var cluster: String
    package var window: Window
    /// Findings with at least one change, and how many changes the policy allowed or rejected.
    package var findings: Int
    package var changes: Int
    package var rejected: Int
    package var mode: RunMode
    package var outcomes: [BranchOutcome]
    /// The plan as `steward plan` prints it, when the run only planned.
    package var planText: String?
    /// Files that are not valid YAML: the rest was planned and published, and the run fails so
    /// that someone fixes them.
    package var unreadable: [InventoryProblem] = []
    /// A failure that is not one branch's (a policy that does not load).
    package var failure: String?
    /// What became of each rollback in Argo CD, made before the revert pull requests opened.
    package var rollbacks: [RollbackOutcome] = []
    /// The Applications Argo CD did not answer for, each with the server's error: their commits
    /// were dated by commit time, and nothing was rolled back.
    package var argoCDUnavailable: [String] = []

    /// 1 when a branch or a rollback failed, a file does not parse or the policy does not load,
    /// else 0.
    package var exitStatus: ExitStatus {
        failure != nil || !unreadable.isEmpty || outcomes.contains { $0.action == .failed }
            || rollbacks.contains(where: \.isFailure) || !argoCDUnavailable.isEmpty
            ? .failure : .success
    }

    /// How many outcomes of each action.
    package func count(_ action: BranchOutcome.Action) -> Int {
        outcomes.filter { $0.action == action }.count
    }

    /// The report for a terminal or a CronJob's log, ending with the JSON summary line.
    package var text: String {
        var lines = [
            "Run \(run): \(repository) \(baseBranch) at \(baseCommit) (cluster \(cluster), window "
                + "\(Text.days(window)))",
            "\(Text.count(findings, "finding")) with \(Text.count(changes, "change")) "
                + "to write, \(rejected) rejected by the policy",
        ]
        switch mode {
        case .published: break
        case .dryRun: lines.append("Dry run: nothing pushed, nothing written to the forge.")
        case .planned(let reason): lines.append("Planned only: \(reason).")
        }
        if let failure { lines.append("error: \(failure)") }
        lines += argoCDUnavailable.map { "error: \($0)" }
        for problem in unreadable {
            lines.append("error: \(problem.description) (not valid YAML: nothing in it was planned)")
        }
        if !rollbacks.isEmpty {
            lines.append("")
            for rollback in rollbacks {
                lines.append(
                    "rollback \(rollback.application)  \(rollback.status.rawValue)  \(rollback.detail)")
            }
        }
        if !outcomes.isEmpty {
            lines.append("")
            let width = outcomes.map(\.branch.count).max() ?? 0
            let actionWidth = outcomes.map { label($0).count }.max() ?? 0
            for outcome in outcomes {
                let branch = outcome.branch.padding(toLength: width, withPad: " ", startingAt: 0)
                let action = label(outcome).padding(toLength: actionWidth, withPad: " ", startingAt: 0)
                lines.append("\(branch)  \(action)  \(outcome.detail)")
                if let url = outcome.pullRequestURL {
                    lines.append(String(repeating: " ", count: width + 2) + url)
                }
            }
        }
        var text = lines.joined(separator: "\n") + "\n"
        if let planText { text += "\n" + planText }
        return text + "\n" + summaryLine + "\n"
    }

    /// `opened #3`, `waiting`, `would open`.
    private func label(_ outcome: BranchOutcome) -> String {
        let action = mode == .dryRun ? outcome.action.dryRunLabel : outcome.action.rawValue
        return outcome.pullRequest.map { "\(action) #\($0)" } ?? action
    }

    /// One JSON object on one line, keys sorted: what a log pipeline or an alert reads.
    package var summaryLine: String {
        var object: [String: SummaryValue] = [
            "run": .text(run), "repository": .text(repository), "base": .text(baseBranch),
            "baseCommit": .text(baseCommit), "cluster": .text(cluster), "mode": .text(mode.name),
            "status": .text(exitStatus == .success ? "ok" : "failed"),
            "exitCode": .number(Int(exitStatus.rawValue)),
            "findings": .number(findings), "changes": .number(changes), "rejected": .number(rejected),
        ]
        for action in BranchOutcome.Action.allCases { object[action.rawValue] = .number(count(action)) }
        object["pushed"] = .number(outcomes.filter { $0.performed && !$0.commits.isEmpty }.count)
        object["unreadable"] = .number(unreadable.count)
        if case .planned(let reason) = mode { object["reason"] = .text(reason) }
        if let failure { object["error"] = .text(failure) }
        if !rollbacks.isEmpty { object["rollbacks"] = .rollbacks(rollbacks) }
        if !argoCDUnavailable.isEmpty { object["argoCDUnavailable"] = .number(argoCDUnavailable.count) }
        return SummaryValue.line(object)
    }
}

extension RunReport {
    /// The summary line of a run that failed before it could report: the JSON a log pipeline
    /// expects as the last line, with the error.
    package static func failureLine(_ message: String) -> String {
        let object: [String: SummaryValue] = [
            "status": .text("failed"), "exitCode": .number(Int(ExitStatus.failure.rawValue)),
            "error": .text(message),
        ]
        return SummaryValue.line(object)
    }
}

/// A value of the summary line.
private enum SummaryValue: Encodable {
    case text(String)
    case number(Int)
    /// The audit records of the run's rollbacks, each a JSON object.
    case rollbacks([RollbackOutcome])

    /// The object as one line of JSON with sorted keys. Strings and integers always encode, so
    /// the empty object is never what a log pipeline gets.
    static func line(_ object: [String: SummaryValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .rollbacks(let records): try container.encode(records)
        }
    }
}
