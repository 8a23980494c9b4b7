import ClientSupport

extension Repository {
    /// ``fetch(remote:refspecs:prune:credentials:)`` for async callers: the transfer, and the wait
    /// for another network operation to release ``NetworkGate``, run on a thread of their own
    /// instead of holding one of Swift concurrency's cooperative pool.
    public func fetch(
        remote: String, refspecs: [String] = [], prune: Bool = false, credentials: Credentials
    ) async throws {
        let repository = Lent(self)
        try await offCooperativePool {
            try repository.value.fetch(
                remote: remote, refspecs: refspecs, prune: prune, credentials: credentials)
        }
    }

    /// ``remoteReferences(remote:credentials:)`` for async callers, off the cooperative pool as
    /// ``fetch(remote:refspecs:prune:credentials:)`` is.
    public func remoteReferences(remote: String, credentials: Credentials) async throws -> [String: ObjectID]
    {
        let repository = Lent(self)
        return try await offCooperativePool {
            try repository.value.remoteReferences(remote: remote, credentials: credentials)
        }
    }
}

/// A repository lent to the thread that runs one blocking call for its owner.
///
/// `Repository` is not `Sendable` because libgit2 objects take one thread at a time. The owner
/// awaits the call's end before it touches the repository again, so the repository still has one
/// user at a time, which is what `@unchecked` vouches for.
private struct Lent: @unchecked Sendable {
    let value: Repository

    init(_ value: Repository) {
        self.value = value
    }
}
