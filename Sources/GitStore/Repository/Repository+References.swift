internal import CLibGit2

extension Repository {
    /// The commit (or object) a reference points to, following symbolic references; `nil`
    /// when the reference does not exist.
    /// - Parameter name: a full name (`refs/heads/steward/web`) or a short one (`main`).
    public func reference(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, handle, name)
        if result == GIT_ENOTFOUND.rawValue {
            var reference: OpaquePointer?
            let short = git_reference_dwim(&reference, handle, name)
            if short == GIT_ENOTFOUND.rawValue { return nil }
            if short < 0 {
                throw LibGit2.error("git_reference_dwim", code: short, subject: "\(name) in \(path)")
            }
            defer { git_reference_free(reference) }
            var resolved: OpaquePointer?
            try LibGit2.check("git_reference_resolve", subject: name) {
                git_reference_resolve(&resolved, reference)
            }
            defer { git_reference_free(resolved) }
            return git_reference_target(resolved).map { ObjectID($0) }
        }
        if result < 0 {
            throw LibGit2.error("git_reference_name_to_id", code: result, subject: "\(name) in \(path)")
        }
        return ObjectID(oid)
    }

    /// Points the reference `name` at `target` only if it still points where the caller
    /// believes (compare-and-swap), and records `message` in its reflog.
    ///
    /// - Parameters:
    ///   - name: the full reference name (`refs/heads/steward/web`).
    ///   - expected: the id it must point to now, or `nil` when it must not exist yet.
    /// - Throws: `GitError` with code `.modified` when the reference moved (or vanished) since
    ///   the caller read it, `.exists` when it should not exist but does, `.invalidInput` for a
    ///   malformed name. The reference is unchanged in every error case.
    public func updateReference(
        _ name: String, to target: ObjectID, expecting expected: ObjectID?, message: String
    ) throws {
        var valid: Int32 = 0
        _ = git_reference_name_is_valid(&valid, name)
        guard valid == 1, name.hasPrefix("refs/") else {
            throw GitError(
                code: .invalidInput, operation: "updateReference", message: "not a full reference name",
                subject: "'\(name)' in \(path)")
        }
        _ = try peeled(target, to: GIT_OBJECT_ANY)
        var oid = target.oid
        var reference: OpaquePointer?
        let subject = "\(name) in \(path)"
        if let expected {
            var current = expected.oid
            let result = git_reference_create_matching(&reference, handle, name, &oid, 1, &current, message)
            if result == GIT_ENOTFOUND.rawValue || result == GIT_EMODIFIED.rawValue {
                let actual = try self.reference(name)
                throw GitError(
                    code: .modified, operation: "git_reference_create_matching",
                    message:
                        "expected \(expected.hex) but the reference is at \(actual?.hex ?? "nothing (absent)")",
                    subject: subject, errorClass: "reference")
            }
            if result < 0 {
                throw LibGit2.error("git_reference_create_matching", code: result, subject: subject)
            }
        } else {
            try LibGit2.check("git_reference_create", subject: subject) {
                git_reference_create(&reference, handle, name, &oid, 0, message)
            }
        }
        git_reference_free(reference)
    }

    /// The names of the references that start with `prefix` (`refs/heads/steward/`), sorted.
    public func references(withPrefix prefix: String) throws -> [String] {
        var names = git_strarray()
        try LibGit2.check("git_reference_list", subject: path) { git_reference_list(&names, handle) }
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { index in
            names.strings[index].map { String(cString: $0) }
        }.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
