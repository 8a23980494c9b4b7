import Forge
import StewardPlanner
import StewardPublisher

/// A run that has fetched, planned, built and checked its branches and decided what to do, but
/// has not pushed: ``Runner/publish(_:)`` carries it out. It holds the workspace (through its
/// publisher) and the forge client, so it is used once, where it was made.
package final class PreparedRun {
    let report: RunReport
    let publisher: Publisher?
    let decisions: [BranchDecision]
    let forge: (any ForgeClient)?
    /// The history the run's plan read, which says how often it was read.
    package let history: CommitHistory

    init(
        report: RunReport, publisher: Publisher?, decisions: [BranchDecision],
        forge: (any ForgeClient)?, history: CommitHistory
    ) {
        self.report = report
        self.publisher = publisher
        self.decisions = decisions
        self.forge = forge
        self.history = history
    }

    /// The branches and what the run will do with each.
    package var plannedOutcomes: [BranchOutcome] {
        guard let publisher else { return [] }
        return decisions.map { publisher.report($0, performed: false) }
    }
}
