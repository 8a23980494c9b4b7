internal import CLibGit2

extension Repository {
    /// Stores `bytes` as a blob and returns its id (the same id `git hash-object -w` prints).
    @discardableResult
    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        try LibGit2.check("git_blob_create_from_buffer", subject: path) {
            bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, handle, $0.baseAddress, $0.count) }
        }
        return ObjectID(oid)
    }

    /// Writes a new tree: `base` (a tree or commit id; `nil` for an empty tree) with the files in
    /// `upserts` added or replaced and the files in `deletes` removed, through
    /// `git_tree_create_updated` (no index, no checkout). A replaced file keeps its mode
    /// (executable stays executable); a new file is a regular file.
    ///
    /// - Returns: the new tree's id.
    /// - Throws: `GitError` with code `.invalidInput` for an empty or malformed path, a path
    ///   both upserted and deleted, or a path that is a folder in `base`; `.notFound` for a
    ///   deleted path that `base` does not have. Nothing is written in those cases.
    public func makeTree(
        base: ObjectID?, upserts: [String: [UInt8]] = [:], deletes: [String] = []
    ) throws -> ObjectID {
        let baseline = try base.map { try peeled($0, to: GIT_OBJECT_TREE) }
        let both = Set(upserts.keys).intersection(deletes)
        if let clash = both.sorted().first {
            throw invalidTreeInput("path is both upserted and deleted", clash)
        }
        var updates: [(path: String, action: git_tree_update_t, id: ObjectID, mode: git_filemode_t)] = []
        for (filePath, _) in upserts.sorted(by: { $0.key < $1.key }) {
            try validateTreePath(filePath)
            let existing = try baseline.flatMap { try existingMode(filePath, in: $0) }
            if existing == GIT_FILEMODE_TREE {
                throw invalidTreeInput("path is a folder in the base tree", filePath)
            }
            let mode =
                existing == GIT_FILEMODE_BLOB_EXECUTABLE ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB
            updates.append((filePath, GIT_TREE_UPDATE_UPSERT, .zero, mode))
        }
        for filePath in deletes.sorted() {
            try validateTreePath(filePath)
            let existing = try baseline.flatMap { try existingMode(filePath, in: $0) }
            guard let existing else {
                throw GitError(
                    code: .notFound, operation: "makeTree",
                    message: "cannot delete a path the base tree lacks",
                    subject: "\(filePath) in \(path)")
            }
            if existing == GIT_FILEMODE_TREE {
                throw invalidTreeInput("path is a folder in the base tree", filePath)
            }
            updates.append((filePath, GIT_TREE_UPDATE_REMOVE, .zero, existing))
        }
        // Blobs are written only once every path is known to be valid.
        for index in updates.indices where updates[index].action == GIT_TREE_UPDATE_UPSERT {
            guard let content = upserts[updates[index].path] else {
                throw invalidTreeInput("no content for an upserted path", updates[index].path)
            }
            updates[index].id = try writeBlob(content)
        }
        var oid = git_oid()
        try withStringArray(updates.map(\.path)) { paths in
            var raw = updates.enumerated().map { index, update in
                git_tree_update(
                    action: update.action, id: update.id.oid, filemode: update.mode,
                    path: paths.strings[index])
            }
            try LibGit2.check("git_tree_create_updated", subject: path) {
                git_tree_create_updated(&oid, handle, baseline?.pointer, raw.count, &raw)
            }
        }
        return ObjectID(oid)
    }

    /// Writes a commit object and returns its id; no reference moves (use
    /// `updateReference(_:to:expecting:message:)` for that).
    ///
    /// With a `signer`, the commit is built with `git_commit_create_buffer`, the signer signs
    /// those exact bytes, and `git_commit_create_with_signature` stores the signature in the
    /// `gpgsig` header, which `git verify-commit` checks. The message gets a final newline if
    /// it lacks one, as `git commit` writes it.
    public func commit(
        tree: ObjectID, parents: [ObjectID], author: GitPerson, committer: GitPerson, message: String,
        signer: CommitSigner? = nil
    ) throws -> ObjectID {
        let treeHandle = try peeled(tree, to: GIT_OBJECT_TREE)
        let parentHandles = try commits(parents)
        let text = message.hasSuffix("\n") ? message : message + "\n"
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try author.withSignature { authorSignature in
            try committer.withSignature { committerSignature in
                var parentPointers: [OpaquePointer?] = parentHandles.map { $0.pointer }
                try LibGit2.check("git_commit_create_buffer", subject: path) {
                    git_commit_create_buffer(
                        &buffer, handle, authorSignature, committerSignature, nil, text, treeHandle.pointer,
                        parentPointers.count, &parentPointers)
                }
            }
        }
        var armor: String?
        if let signer {
            // libgit2 writes the armor's lines as continuation lines of the header; a final
            // newline would become a line holding one space and break verification.
            armor = try signer(buffer.bytes()).trimmingTrailingNewlines()
        }
        var oid = git_oid()
        try LibGit2.check("git_commit_create_with_signature", subject: path) {
            git_commit_create_with_signature(&oid, handle, buffer.ptr, armor, armor == nil ? nil : "gpgsig")
        }
        return ObjectID(oid)
    }

    /// The signature in the `gpgsig` header of `commit` and the data it signs, or `nil` when the
    /// commit is not signed.
    public func signature(of commit: ObjectID) throws -> CommitSignature? {
        var oid = commit.oid
        var signature = git_buf()
        var signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        let result = git_commit_extract_signature(&signature, &signed, handle, &oid, nil)
        if result == GIT_ENOTFOUND.rawValue {
            // Distinguish "not signed" from "no such commit".
            _ = try peeled(commit, to: GIT_OBJECT_COMMIT)
            return nil
        }
        if result < 0 {
            throw LibGit2.error("git_commit_extract_signature", code: result, subject: "commit \(commit.hex)")
        }
        return CommitSignature(armor: signature.string(), signedData: signed.bytes())
    }

    private func existingMode(_ entryPath: String, in tree: GitHandle) throws -> git_filemode_t? {
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree.pointer, entryPath)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        if result < 0 { throw LibGit2.error("git_tree_entry_bypath", code: result, subject: entryPath) }
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_filemode(entry)
    }

    private func validateTreePath(_ entryPath: String) throws {
        let components = entryPath.split(separator: "/", omittingEmptySubsequences: false)
        let bad = components.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0 == ".git" }
        if entryPath.isEmpty || bad || entryPath.utf8.contains(0) {
            throw invalidTreeInput("not a relative file path (empty, '.', '..', '.git' or '//')", entryPath)
        }
    }

    private func invalidTreeInput(_ message: String, _ entryPath: String) -> GitError {
        GitError(
            code: .invalidInput, operation: "makeTree", message: message, subject: "'\(entryPath)' in \(path)"
        )
    }
}
