internal import CLibGit2

extension Repository {
    /// The commit a revision names: a branch (`main`, `origin/main`), a full reference, a tag,
    /// an id or an expression such as `HEAD~2`.
    /// - Throws: `GitError` with code `.notFound` naming the revision and repository.
    public func resolve(_ revision: String) throws -> ObjectID {
        let commit = try peeled(revision, to: GIT_OBJECT_COMMIT)
        return ObjectID(git_commit_id(commit.pointer))
    }

    /// The id of the tree a revision (or a tree id) names.
    public func treeID(_ revision: String) throws -> ObjectID {
        let tree = try peeled(revision, to: GIT_OBJECT_TREE)
        return ObjectID(git_tree_id(tree.pointer))
    }

    /// The paths of the files (blobs, symbolic links and executables included) under `prefix`
    /// in the tree of `revision`, read from the object database without a checkout.
    ///
    /// - Parameters:
    ///   - revision: a revision or tree id.
    ///   - prefix: a folder (`deploy/prod`) or file relative to the root; empty for all files.
    /// - Returns: paths relative to the repository root, sorted byte-wise; empty when `prefix`
    ///   does not exist.
    public func files(at revision: String, under prefix: String = "") throws -> [String] {
        let root = try peeled(revision, to: GIT_OBJECT_TREE)
        let folder = prefix.trimmingSlashes()
        guard !folder.isEmpty else { return try blobPaths(in: root, prefix: "") }
        guard let entry = try entry(folder, in: root, revision: revision) else { return [] }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
            return git_tree_entry_type(entry) == GIT_OBJECT_BLOB ? [folder] : []
        }
        let found: OpaquePointer = try LibGit2.make("git_tree_lookup", subject: "\(folder) at \(revision)") {
            git_tree_lookup(&$0, handle, git_tree_entry_id(entry))
        }
        let owner = GitHandle(found) { git_tree_free($0) }
        return try blobPaths(in: owner, prefix: folder + "/")
    }

    /// The bytes of the file at `path` in the tree of `revision`, or `nil` when no such path
    /// exists there.
    /// - Throws: `GitError` when the revision is unknown or `path` is a folder.
    public func blob(at revision: String, path filePath: String) throws -> [UInt8]? {
        let root = try peeled(revision, to: GIT_OBJECT_TREE)
        guard let entry = try entry(filePath.trimmingSlashes(), in: root, revision: revision) else {
            return nil
        }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else {
            throw GitError(
                code: .invalidInput, operation: "blob", message: "path is a folder, not a file",
                subject: "\(filePath) at \(revision) in \(path)")
        }
        return try blob(ObjectID(git_tree_entry_id(entry)))
    }

    /// The bytes of the blob `id`.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.oid
        var blob: OpaquePointer?
        try LibGit2.check("git_blob_lookup", subject: "blob \(id.hex) in \(path)") {
            git_blob_lookup(&blob, handle, &oid)
        }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The entry at `path` in `tree`, or `nil` when it does not exist; the caller frees it.
    private func entry(_ entryPath: String, in tree: GitHandle, revision: String) throws -> OpaquePointer? {
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree.pointer, entryPath)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        if result < 0 {
            throw LibGit2.error("git_tree_entry_bypath", code: result, subject: "\(entryPath) at \(revision)")
        }
        return entry
    }

    private func blobPaths(in tree: GitHandle, prefix: String) throws -> [String] {
        let collector = PathCollector(prefix: prefix)
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        try LibGit2.check("git_tree_walk", subject: path) {
            git_tree_walk(
                tree.pointer, GIT_TREEWALK_PRE,
                { root, entry, payload in
                    guard let root, let entry, let payload else { return -1 }
                    if git_tree_entry_type(entry) == GIT_OBJECT_BLOB {
                        let collector = Unmanaged<PathCollector>.fromOpaque(payload).takeUnretainedValue()
                        let name = String(cString: git_tree_entry_name(entry))
                        collector.paths.append(collector.prefix + String(cString: root) + name)
                    }
                    return 0
                }, payload)
        }
        return collector.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// Receives the paths of a tree walk through libgit2's `void *` payload.
private final class PathCollector {
    let prefix: String
    var paths: [String] = []

    init(prefix: String) {
        self.prefix = prefix
    }
}

extension String {
    func trimmingSlashes() -> String {
        var text = Substring(self)
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
