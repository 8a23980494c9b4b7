internal import CLibGit2
import ClientSupport

extension Repository {
    /// Clones `url` as a bare repository into `path` (a cache folder), with the remote named
    /// `origin` and its branches under `refs/remotes/origin/`.
    ///
    /// - Throws: `GitError` naming the URL (never a token): `.authentication` when the remote
    ///   refuses the credentials (after `credentials.maxAttempts` tries), `.certificate` for an
    ///   untrusted server, `.exists` when `path` is a non-empty folder. A failed clone leaves no
    ///   folder behind.
    public static func cloneBare(from url: String, into path: String, credentials: Credentials) throws
        -> Repository
    {
        let session = RemoteSession(url: url, credentials: credentials)
        var options = git_clone_options()
        try LibGit2.check("git_clone_options_init") {
            git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION))
        }
        options.bare = 1
        session.install(into: &options.fetch_opts.callbacks)
        var repository: OpaquePointer?
        try NetworkGate.run(credentials, url: url) {
            let result = git_clone(&repository, url, path, &options)
            if result < 0 { throw session.error("git_clone", code: result) }
        }
        git_repository_free(repository)
        return try open(path: path)
    }

    /// Adds a remote named `name` for `url` with the default fetch refspec
    /// (`+refs/heads/*:refs/remotes/<name>/*`).
    public func addRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        try LibGit2.check("git_remote_create", subject: "\(name) in \(path)") {
            git_remote_create(&remote, handle, name, url)
        }
        git_remote_free(remote)
    }

    /// Fetches from `remote` (a configured remote's name or a URL).
    ///
    /// - Parameters:
    ///   - refspecs: what to fetch (`+refs/heads/main:refs/remotes/origin/main`,
    ///     `refs/notes/steward:refs/notes/steward`); empty for the remote's configured refspecs.
    ///   - prune: delete remote-tracking references whose branch is gone on the remote.
    public func fetch(
        remote: String, refspecs: [String] = [], prune: Bool = false, credentials: Credentials
    ) throws {
        let (owner, url) = try remoteHandle(remote)
        let session = RemoteSession(url: url, credentials: credentials)
        var options = git_fetch_options()
        try LibGit2.check("git_fetch_options_init") {
            git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION))
        }
        options.prune = prune ? GIT_FETCH_PRUNE : GIT_FETCH_NO_PRUNE
        session.install(into: &options.callbacks)
        try NetworkGate.run(credentials, url: url) {
            // An empty array makes libgit2 use the remote's configured refspecs.
            let result = withStringArray(refspecs) { specs in
                git_remote_fetch(owner.pointer, &specs, &options, "fetch")
            }
            if result < 0 { throw session.error("git_remote_fetch", code: result) }
        }
    }

    /// The references the remote advertises (`refs/heads/main` → id), like `git ls-remote`;
    /// symbolic `HEAD` and peeled tag entries are left out.
    public func remoteReferences(remote: String, credentials: Credentials) throws -> [String: ObjectID] {
        let (owner, url) = try remoteHandle(remote)
        let session = RemoteSession(url: url, credentials: credentials)
        var callbacks = git_remote_callbacks()
        try LibGit2.check("git_remote_init_callbacks") {
            git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        }
        session.install(into: &callbacks)
        return try NetworkGate.run(credentials, url: url) {
            let connected = git_remote_connect(owner.pointer, GIT_DIRECTION_FETCH, &callbacks, nil, nil)
            if connected < 0 { throw session.error("git_remote_connect", code: connected) }
            defer { git_remote_disconnect(owner.pointer) }
            var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
            var count = 0
            try LibGit2.check("git_remote_ls", subject: url) { git_remote_ls(&heads, &count, owner.pointer) }
            var result: [String: ObjectID] = [:]
            for index in 0..<count {
                guard let head = heads?[index]?.pointee, let name = head.name else { continue }
                let reference = String(cString: name)
                if reference.hasPrefix("refs/"), !reference.hasSuffix("^{}") {
                    result[reference] = ObjectID(head.oid)
                }
            }
            return result
        }
    }

    /// Pushes local `refs/heads/<branch>` to the remote's `refs/heads/<branch>` with a lease.
    /// See `push(remote:localReference:remoteReference:expecting:credentials:)`.
    public func push(remote: String, branch: String, expecting expected: ObjectID?, credentials: Credentials)
        throws
    {
        try push(
            remote: remote, localReference: "refs/heads/\(branch)", remoteReference: "refs/heads/\(branch)",
            expecting: expected, credentials: credentials)
    }

    /// Pushes `localReference` to `remoteReference` only if the remote reference is still at
    /// `expected` (`nil`: it must not exist), like `git push --force-with-lease=<ref>:<expected>`.
    ///
    /// The lease is checked in libgit2's push-negotiation step, against the value the server
    /// advertised, before any object is sent. The update itself is forced, since the lease is
    /// what protects other people's commits; the server's own rules
    /// (`receive.denyNonFastForwards`, hooks) still apply and a refusal is an error, because
    /// `git_remote_push` returns 0 even when the server rejects the update.
    ///
    /// - Throws: `GitError` naming the remote: `.leaseMismatch` (nothing was sent, the remote is
    ///   unchanged), `.pushRejected` with the server's reason, `.authentication`, `.certificate`,
    ///   `.notFound` when `localReference` does not exist.
    public func push(
        remote: String, localReference: String, remoteReference: String, expecting expected: ObjectID?,
        credentials: Credentials
    ) throws {
        guard try reference(localReference) != nil else {
            throw GitError(
                code: .notFound, operation: "push", message: "no local reference \(localReference)",
                subject: path)
        }
        try push(
            refspec: "+\(localReference):\(remoteReference)", remote: remote,
            remoteReference: remoteReference,
            expecting: expected, credentials: credentials)
    }

    /// Deletes `remoteReference` on the remote only if it is still at `expected`, like
    /// `git push --force-with-lease=<ref>:<expected> <remote> :<ref>`: the lease is checked in the
    /// push negotiation before anything is sent, and the server's own rules still apply.
    ///
    /// - Throws: `GitError` naming the remote: `.leaseMismatch` (the remote is unchanged),
    ///   `.pushRejected` with the server's reason, `.authentication`, `.certificate`.
    public func deleteRemoteReference(
        remote: String, remoteReference: String, expecting expected: ObjectID, credentials: Credentials
    ) throws {
        try push(
            refspec: ":\(remoteReference)", remote: remote, remoteReference: remoteReference,
            expecting: expected, credentials: credentials)
    }

    /// Pushes one refspec whose destination is `remoteReference`, under a lease on it.
    private func push(
        refspec: String, remote: String, remoteReference: String, expecting expected: ObjectID?,
        credentials: Credentials
    ) throws {
        let (owner, url) = try remoteHandle(remote)
        let session = RemoteSession(url: url, credentials: credentials)
        session.leases[remoteReference] = expected ?? .zero
        var options = git_push_options()
        try LibGit2.check("git_push_options_init") {
            git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION))
        }
        session.install(into: &options.callbacks)
        try NetworkGate.run(credentials, url: url) {
            let result = withStringArray([refspec]) { specs in
                git_remote_push(owner.pointer, &specs, &options)
            }
            if result < 0 { throw session.error("git_remote_push", code: result) }
        }
        if !session.rejected.isEmpty {
            let reasons = session.rejected.map { "\($0.reference): \($0.reason)" }.joined(separator: "; ")
            throw GitError(
                code: .pushRejected, operation: "push", message: "the remote refused the update (\(reasons))",
                subject: session.url)
        }
    }

    /// A configured remote by name, or an anonymous one for a URL or path; with its URL.
    private func remoteHandle(_ remote: String) throws -> (GitHandle, String) {
        var pointer: OpaquePointer?
        let lookup = git_remote_lookup(&pointer, handle, remote)
        if lookup == GIT_ENOTFOUND.rawValue || lookup == GIT_EINVALIDSPEC.rawValue {
            pointer = try LibGit2.make("git_remote_create_anonymous", subject: Redactor.url(remote)) {
                git_remote_create_anonymous(&$0, handle, remote)
            }
        } else if lookup < 0 {
            throw LibGit2.error("git_remote_lookup", code: lookup, subject: "\(remote) in \(path)")
        }
        guard let found = pointer else {
            throw LibGit2.noObject("git_remote_lookup", subject: Redactor.url(remote))
        }
        let owner = GitHandle(found) { git_remote_free($0) }
        let url = git_remote_url(owner.pointer).map { String(cString: $0) } ?? remote
        return (owner, url)
    }
}
