import ClientSupport

extension Repository {
    /// ``fetch(remote:refspecs:prune:credentials:)`` for async callers: the transfer, and the wait
    /// for another network operation to release ``NetworkGate``, run on a thread of their own
    /// instead of holding one of Swift concurrency's cooperative pool.
    public func fetch(
        remote: String, refspecs: [String] = [], prune: Bool = false, credentials: Credentials
    ) async throws {
        try await offCooperativePool(lending: self) { repository in
            try repository.fetch(remote: remote, refspecs: refspecs, prune: prune, credentials: credentials)
        }
    }

    /// ``remoteReferences(remote:credentials:)`` for async callers, off the cooperative pool as
    /// ``fetch(remote:refspecs:prune:credentials:)`` is.
    public func remoteReferences(remote: String, credentials: Credentials) async throws -> [String: ObjectID]
    {
        try await offCooperativePool(lending: self) { repository in
            try repository.remoteReferences(remote: remote, credentials: credentials)
        }
    }
}
