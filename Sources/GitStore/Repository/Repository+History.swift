internal import CLibGit2

extension Repository {
    /// The commits reachable from `revision` that changed any of `paths`, newest first (in
    /// topological order, ties by commit time), like `git log -- paths`.
    ///
    /// A commit is reported when its tree differs from its first parent's under `paths` (every
    /// commit that touched them for a root commit); a merge only when it differs from every
    /// parent, so the commit that really made a change is the one reported, not the merges that
    /// carried it along.
    ///
    /// - Parameters:
    ///   - paths: files or folders relative to the root; empty for every commit.
    ///   - revision: where the walk starts.
    ///   - excluded: a revision whose ancestors are left out, as in `git log excluded..revision`
    ///     (what `steward verify base..head` walks).
    ///   - limit: the most commits to return.
    public func history(
        of paths: [String], from revision: String, excluding excluded: String? = nil, limit: Int = .max
    ) throws -> [CommitInfo] {
        let start = try resolve(revision)
        let created: OpaquePointer = try LibGit2.make("git_revwalk_new", subject: path) {
            git_revwalk_new(&$0, handle)
        }
        let walker = GitHandle(created) { git_revwalk_free($0) }
        try LibGit2.check("git_revwalk_sorting", subject: path) {
            git_revwalk_sorting(walker.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
        }
        var startOID = start.oid
        try LibGit2.check("git_revwalk_push", subject: revision) {
            git_revwalk_push(walker.pointer, &startOID)
        }
        if let excluded {
            var hidden = try resolve(excluded).oid
            try LibGit2.check("git_revwalk_hide", subject: excluded) {
                git_revwalk_hide(walker.pointer, &hidden)
            }
        }

        let pathspecs = paths.map { $0.trimmingSlashes() }.filter { !$0.isEmpty }
        var result: [CommitInfo] = []
        var next = git_oid()
        while result.count < limit {
            let step = git_revwalk_next(&next, walker.pointer)
            if step == GIT_ITEROVER.rawValue { break }
            if step < 0 { throw LibGit2.error("git_revwalk_next", code: step, subject: revision) }
            let commit = try peeled(ObjectID(next), to: GIT_OBJECT_COMMIT)
            if let info = try historyEntry(commit, pathspecs: pathspecs) { result.append(info) }
        }
        return result
    }

    private func historyEntry(_ commit: GitHandle, pathspecs: [String]) throws -> CommitInfo? {
        let tree = try peeled(ObjectID(git_commit_id(commit.pointer)), to: GIT_OBJECT_TREE)
        let parents = (0..<git_commit_parentcount(commit.pointer)).map {
            ObjectID(git_commit_parent_id(commit.pointer, $0))
        }
        var changed: [String]
        if parents.isEmpty {
            changed = try changedPaths(from: nil, to: tree, limitedTo: pathspecs)
        } else {
            changed = []
            for (index, parent) in parents.enumerated() {
                let parentTree = try peeled(parent, to: GIT_OBJECT_TREE)
                let paths = try changedPaths(from: parentTree, to: tree, limitedTo: pathspecs)
                // Identical to one parent under the paths: that parent's line made the change.
                if paths.isEmpty && !pathspecs.isEmpty { return nil }
                if index == 0 { changed = paths }
            }
        }
        if changed.isEmpty && !pathspecs.isEmpty { return nil }
        return CommitInfo(
            id: ObjectID(git_commit_id(commit.pointer)), parents: parents,
            author: GitPerson(git_commit_author(commit.pointer)),
            committer: GitPerson(git_commit_committer(commit.pointer)),
            message: git_commit_message(commit.pointer).map { String(cString: $0) } ?? "",
            changedPaths: changed)
    }
}

extension Repository {
    /// Whether `commit` is `revision` or one of its ancestors: whether a deployment of `revision`
    /// carried `commit`.
    /// - Throws: `GitError` when either does not name a commit of the repository.
    public func contains(_ commit: ObjectID, in revision: ObjectID) throws -> Bool {
        if commit == revision { return true }
        var descendant = revision.oid
        var ancestor = commit.oid
        let result = git_graph_descendant_of(handle, &descendant, &ancestor)
        if result < 0 {
            throw LibGit2.error("git_graph_descendant_of", code: result, subject: revision.hex)
        }
        return result == 1
    }
}
