internal import CLibGit2

extension Repository {
    /// The paths that differ between two trees (or the trees of two commits): added, deleted
    /// and modified files, both sides of a rename; sorted byte-wise. `steward verify` checks each
    /// against the policy.
    public func changedPaths(from old: ObjectID, to new: ObjectID) throws -> [String] {
        let oldTree = try peeled(old, to: GIT_OBJECT_TREE)
        let newTree = try peeled(new, to: GIT_OBJECT_TREE)
        return try changedPaths(from: oldTree, to: newTree, limitedTo: [])
    }

    /// The paths changed between `old` (nil: the empty tree) and `new`, restricted to the
    /// pathspecs `paths` (a folder matches everything below it) when not empty.
    func changedPaths(from old: GitHandle?, to new: GitHandle, limitedTo paths: [String]) throws -> [String] {
        var options = git_diff_options()
        try LibGit2.check("git_diff_options_init") {
            git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        }
        var diff: OpaquePointer?
        try withStringArray(paths) { pathspec in
            options.pathspec = pathspec
            try LibGit2.check("git_diff_tree_to_tree", subject: path) {
                git_diff_tree_to_tree(&diff, handle, old?.pointer, new.pointer, &options)
            }
        }
        defer { git_diff_free(diff) }
        var changed = Set<String>()
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            if let oldPath = delta.old_file.path { changed.insert(String(cString: oldPath)) }
            if let newPath = delta.new_file.path { changed.insert(String(cString: newPath)) }
        }
        return changed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
