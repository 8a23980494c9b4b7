import GitStore

/// What the remote held when Steward fetched it: the base branch, the bot branches and the
/// evidence notes. Every push later leases on these values, so anything that moved in between
/// (a person's push, another run) makes the push fail instead of being overwritten.
package struct RemoteSnapshot: Sendable {
    /// The commit of the base branch.
    package var base: ObjectID
    /// Bot branches by name (`steward/shop`) and the commit each was at.
    package var branches: [String: ObjectID]
    /// The commit of `refs/notes/steward`, nil when the remote has no notes yet.
    var notes: ObjectID?
}
