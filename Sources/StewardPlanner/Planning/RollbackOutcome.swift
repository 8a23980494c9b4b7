import Foundation
import Profiles

/// What became of one rollback in Argo CD: the audit record of every call that changed
/// something, in the run's JSON report, the revert pull request and the revert commit's
/// evidence note, under the finding id its commit trailers carry.
package struct RollbackOutcome: Sendable, Codable, Hashable {
    /// How it ended.
    package enum Status: String, Sendable, Codable, Hashable {
        /// The operation succeeded and the Application is healthy.
        case rolledBack = "rolled-back"
        /// The operation succeeded, but the Application is not healthy afterwards.
        case rolledBackUnhealthy = "rolled-back-unhealthy"
        /// Argo CD refused it, it failed, or it did not finish in time.
        case failed
        /// Steward did not try: the policy, automated sync, nothing to roll back to.
        case notAttempted = "not-attempted"
        /// A dry run: nothing was called.
        case wouldRollBack = "would-roll-back"
    }

    /// The regression finding it answers.
    package var finding: String
    package var application: String
    package var namespace: String?
    /// The Argo CD API server, without credentials.
    package var server: String
    package var status: Status
    /// The entry that ran before, and the one rolled back to.
    package var from: RollbackProposal.Entry
    package var to: RollbackProposal.Entry?
    /// What happened, in words (Argo CD's own message included).
    package var detail: String
    /// The operation's last phase and message, as Argo CD reported them.
    package var phase: String?
    package var operationMessage: String?
    /// `status.health.status` after the operation.
    package var health: String?
    /// When the rollback was requested and when its operation finished, RFC 3339.
    package var requestedAt: String?
    package var finishedAt: String?

    /// An outcome with what is known before any call; the executor fills in the rest.
    package init(
        finding: String, application: String, namespace: String?, server: String, status: Status,
        from: RollbackProposal.Entry, to: RollbackProposal.Entry?, detail: String
    ) {
        self.finding = finding
        self.application = application
        self.namespace = namespace
        self.server = server
        self.status = status
        self.from = from
        self.to = to
        self.detail = detail
    }

    /// Whether the run must exit 1 for it.
    package var isFailure: Bool { status == .failed || status == .rolledBackUnhealthy }

    /// The paragraph of the revert pull request about the rollback.
    package var pullRequestText: String {
        let target = to?.description ?? "an earlier entry"
        switch status {
        case .rolledBack, .rolledBackUnhealthy:
            let health =
                status == .rolledBack
                ? "is \(self.health ?? "Healthy")" : "is still \(self.health ?? "unhealthy")"
            return "Steward already rolled Application `\(application)` back in Argo CD (\(server)), from "
                + "\(from.description) to \(target): the operation \(phase ?? "Succeeded") at \(finishedAt ?? "?") "
                + "and the Application \(health). It shows OutOfSync until this revert merges; merging it makes "
                + "Git say what runs."
        case .failed:
            return "The rollback of Application `\(application)` in Argo CD (\(server)) to \(target) failed: "
                + "\(detail). This revert is the remedy."
        case .notAttempted:
            return "No rollback in Argo CD: \(detail)."
        case .wouldRollBack:
            return "A run would roll Application `\(application)` back in Argo CD to \(target)."
        }
    }

    /// An RFC 3339 time for the record.
    package static func time(_ date: Date) -> String {
        Text.time(date.timeIntervalSince1970)
    }
}
