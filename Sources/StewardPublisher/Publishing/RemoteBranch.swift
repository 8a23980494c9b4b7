import GitStore

/// A bot branch as the remote holds it, and whose work is on it.
package struct RemoteBranch: Sendable {
    /// The branch name (`steward/shop`).
    var name: String
    /// The commit the remote branch was at when fetched: the lease of every push and delete.
    var tip: ObjectID
    /// The tree of that commit.
    var tree: ObjectID
    /// Steward's commits on it that the base does not hold.
    var botCommits: Int
    /// The first commit on it that the base does not hold and Steward did not make, if any.
    var humanCommit: CommitInfo?
    /// Whether the tip itself is Steward's commit (also once the base holds it, after a merge).
    var tipIsSteward: Bool

    /// Reads the branch at `tip` against `base`.
    init(name: String, tip: ObjectID, base: ObjectID, identity: BotIdentity, in repository: Repository) throws
    {
        self.name = name
        self.tip = tip
        tree = try repository.treeID(tip.hex)
        let commits = try repository.history(of: [], from: tip.hex, excluding: base.hex)
        let foreign = commits.filter { !identity.made($0, in: repository) }
        botCommits = commits.count - foreign.count
        humanCommit = foreign.last
        tipIsSteward =
            try repository.history(of: [], from: tip.hex, limit: 1).first.map {
                identity.made($0, in: repository)
            } ?? false
    }

    /// Whether the branch is Steward's own: no one else's commit on it, and Steward's commit at
    /// its tip or on it. Only such a branch is deleted when its finding is gone.
    var isSteward: Bool { humanCommit == nil && (botCommits > 0 || tipIsSteward) }
}
