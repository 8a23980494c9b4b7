internal import CLibGit2

extension Repository {
    /// The tree that results from applying the inverse of `commit` on top of `base`, like
    /// `git revert` without touching a working tree; commit it with `commit(tree:parents:…)`.
    ///
    /// - Parameter mainline: for a merge commit, the 1-based parent whose side is kept.
    /// - Throws: `GitError` with code `.conflict` listing the conflicting paths when the inverse
    ///   does not apply cleanly on `base`.
    public func revert(_ commit: ObjectID, onto base: ObjectID, mainline: Int = 0) throws -> ObjectID {
        let reverted = try peeled(commit, to: GIT_OBJECT_COMMIT)
        let ours = try peeled(base, to: GIT_OBJECT_COMMIT)
        let subject = "revert \(commit.hex) onto \(base.hex) in \(path)"
        let result: OpaquePointer = try LibGit2.make("git_revert_commit", subject: subject) {
            git_revert_commit(&$0, handle, reverted.pointer, ours.pointer, UInt32(mainline), nil)
        }
        let owner = GitHandle(result) { git_index_free($0) }
        if git_index_has_conflicts(owner.pointer) != 0 {
            let paths = try conflictingPaths(owner)
            throw GitError(
                code: .conflict, operation: "revert",
                message: "the inverse of \(commit.short) does not apply cleanly; conflicts in "
                    + paths.joined(separator: ", "),
                subject: subject)
        }
        var tree = git_oid()
        try LibGit2.check("git_index_write_tree_to", subject: subject) {
            git_index_write_tree_to(&tree, owner.pointer, handle)
        }
        return ObjectID(tree)
    }

    private func conflictingPaths(_ index: GitHandle) throws -> [String] {
        var iterator: OpaquePointer?
        try LibGit2.check("git_index_conflict_iterator_new", subject: path) {
            git_index_conflict_iterator_new(&iterator, index.pointer)
        }
        defer { git_index_conflict_iterator_free(iterator) }
        var paths = Set<String>()
        var ancestor: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        while git_index_conflict_next(&ancestor, &ours, &theirs, iterator) == 0 {
            for entry in [ancestor, ours, theirs] {
                if let entryPath = entry?.pointee.path { paths.insert(String(cString: entryPath)) }
            }
        }
        return paths.sorted()
    }
}
