/// One commit as history reports it.
public struct CommitInfo: Hashable, Sendable {
    /// The commit's id.
    public var id: ObjectID
    /// The parents' ids, first parent first.
    public var parents: [ObjectID]
    /// Who wrote the change, and when.
    public var author: GitPerson
    /// Who committed it, and when.
    public var committer: GitPerson
    /// The full message, as stored.
    public var message: String
    /// The paths this commit changed relative to its first parent (all paths for a root commit),
    /// restricted to the paths the history was asked about; sorted byte-wise.
    public var changedPaths: [String]

    /// The first line of the message.
    public var summary: String {
        String(message.prefix { $0 != "\n" })
    }
}
