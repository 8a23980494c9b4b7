import Profiles
import StewardPlanner

/// What `steward verify` found: one line per violation, and the counts.
package struct VerifyReport: Sendable {
    /// `BASE..HEAD` as checked.
    package var range: String
    package var botCommits = 0
    package var humanCommits = 0
    package var violations: [VerifyViolation] = []

    /// The lines to print: every violation, or one `ok:` line.
    package var text: String {
        guard violations.isEmpty else { return violations.map(\.description).joined(separator: "\n") + "\n" }
        return "ok: \(Text.count(botCommits, "bot commit")) verified in \(range), "
            + "\(Text.count(humanCommits, "human commit")) ignored\n"
    }

    /// The error to exit with, when there is a violation.
    package var failure: StewardError? {
        guard !violations.isEmpty else { return nil }
        return .verifyViolations(count: violations.count, range: range)
    }
}

/// One problem with one commit (or with the range as a whole, without a commit).
package struct VerifyViolation: Sendable, Hashable, CustomStringConvertible {
    /// The commit's abbreviated id, or nil for a problem of the whole range.
    package var commit: String?
    /// The commit's subject line.
    package var subject: String
    package var message: String

    /// `4e1f0a2 steward: right-size …: not signed`.
    package var description: String {
        guard let commit else { return "\(subject): \(message)" }
        return "\(commit) \(subject): \(message)"
    }
}
