internal import CLibGit2

extension Repository {
    /// Looks up `revision` (a branch, tag, `HEAD~2`, an id…) and peels it to `type`.
    func peeled(_ revision: String, to type: git_object_t) throws -> GitHandle {
        var object: OpaquePointer?
        let subject = "revision '\(revision)' in \(path)"
        try LibGit2.check("git_revparse_single", subject: subject) {
            git_revparse_single(&object, handle, revision)
        }
        defer { git_object_free(object) }
        let found: OpaquePointer = try LibGit2.make("git_object_peel", subject: subject) {
            git_object_peel(&$0, object, type)
        }
        return GitHandle(found) { git_object_free($0) }
    }

    /// Looks up the object `id` and peels it to `type` (a commit id peels to its tree).
    func peeled(_ id: ObjectID, to type: git_object_t) throws -> GitHandle {
        var oid = id.oid
        var object: OpaquePointer?
        let subject = "object \(id.hex) in \(path)"
        try LibGit2.check("git_object_lookup", subject: subject) {
            git_object_lookup(&object, handle, &oid, GIT_OBJECT_ANY)
        }
        defer { git_object_free(object) }
        let found: OpaquePointer = try LibGit2.make("git_object_peel", subject: subject) {
            git_object_peel(&$0, object, type)
        }
        return GitHandle(found) { git_object_free($0) }
    }

    /// The commits `ids` name, in order.
    func commits(_ ids: [ObjectID]) throws -> [GitHandle] {
        try ids.map { try peeled($0, to: GIT_OBJECT_COMMIT) }
    }
}
