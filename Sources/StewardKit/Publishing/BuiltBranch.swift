import GitStore

/// A bot branch as this run built it locally: base, then one signed commit per finding, each
/// with its evidence note.
struct BuiltBranch: Sendable {
    struct Commit: Sendable {
        var id: ObjectID
        var finding: PlannedFinding
        var message: BotCommitMessage
        /// The evidence note's text (`Steward-Evidence` is its SHA-256).
        var note: String
    }

    var group: ChangeGroup
    /// The commits, oldest first.
    var commits: [Commit]

    /// The last commit.
    var tip: ObjectID { commits.last!.id }
}
