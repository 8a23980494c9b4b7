import Forge
import Foundation

/// A run that has fetched, planned, built and checked its branches and decided what to do, but
/// has not pushed: ``Runner/publish(_:)`` carries it out. It holds the workspace and the forge
/// client, so it is used once, where it was made.
public final class PreparedRun {
    let report: RunReport
    let workspace: Workspace?
    let publisher: Publisher?
    let decisions: [BranchDecision]
    let forge: (any ForgeClient)?
    let scratch: String

    init(
        report: RunReport, workspace: Workspace?, publisher: Publisher?, decisions: [BranchDecision],
        forge: (any ForgeClient)?, scratch: String
    ) {
        self.report = report
        self.workspace = workspace
        self.publisher = publisher
        self.decisions = decisions
        self.forge = forge
        self.scratch = scratch
    }

    /// The branches and what the run will do with each.
    public var plannedOutcomes: [BranchOutcome] {
        guard let publisher else { return [] }
        return decisions.map { publisher.report($0, performed: false) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: scratch)
    }
}
