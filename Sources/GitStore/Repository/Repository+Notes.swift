internal import CLibGit2

extension Repository {
    /// Attaches `text` as a note on `commit` under `notesReference` (a commit on that notes
    /// reference, like `git notes add`), and returns the note blob's id.
    ///
    /// - Parameter overwrite: replace an existing note on the same commit; without it an
    ///   existing note is an error with code `.exists`.
    @discardableResult
    public func addNote(
        _ text: String, to commit: ObjectID, author: GitPerson, committer: GitPerson,
        notesReference: String = Repository.stewardNotesReference, overwrite: Bool = false
    ) throws -> ObjectID {
        _ = try peeled(commit, to: GIT_OBJECT_COMMIT)
        var target = commit.oid
        var note = git_oid()
        try author.withSignature { authorSignature in
            try committer.withSignature { committerSignature in
                try LibGit2.check("git_note_create", subject: "note on \(commit.hex) in \(notesReference)") {
                    git_note_create(
                        &note, handle, notesReference, authorSignature, committerSignature, &target, text,
                        overwrite ? 1 : 0)
                }
            }
        }
        return ObjectID(note)
    }

    /// The note on `commit` under `notesReference`, or `nil` when there is none.
    public func note(on commit: ObjectID, notesReference: String = Repository.stewardNotesReference) throws
        -> String?
    {
        var target = commit.oid
        var note: OpaquePointer?
        let result = git_note_read(&note, handle, notesReference, &target)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        if result < 0 {
            throw LibGit2.error(
                "git_note_read", code: result, subject: "note on \(commit.hex) in \(notesReference)")
        }
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) } ?? ""
    }
}
