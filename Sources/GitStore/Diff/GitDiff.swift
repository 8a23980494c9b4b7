internal import CLibGit2

/// Text diffs computed by libgit2 from buffers, without a repository.
public enum GitDiff {
    /// A unified diff of one file, in the form `git diff` prints and `git apply` accepts at the
    /// repository root: `diff --git a/<oldPath> b/<newPath>`, an `index` line with blob ids,
    /// `---`/`+++` headers and hunks with three lines of context.
    ///
    /// - Parameters:
    ///   - old: the file's bytes before the change, or `nil` when the file is created.
    ///   - new: the file's bytes after the change, or `nil` when the file is deleted.
    ///   - oldPath: the path relative to the repository root, without `a/`.
    ///   - newPath: the path relative to the repository root, without `b/`.
    /// - Returns: the patch text, or an empty string when the contents are identical.
    public static func unifiedPatch(
        old: [UInt8]?, new: [UInt8]?, oldPath: String, newPath: String
    ) throws -> String {
        var patch: OpaquePointer?
        try LibGit2.check("git_patch_from_buffers", subject: newPath) {
            withOptionalBytes(old) { oldBytes, oldCount in
                withOptionalBytes(new) { newBytes, newCount in
                    git_patch_from_buffers(
                        &patch, oldBytes, oldCount, oldPath, newBytes, newCount, newPath, nil)
                }
            }
        }
        defer { git_patch_free(patch) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try LibGit2.check("git_patch_to_buf", subject: newPath) { git_patch_to_buf(&buffer, patch) }
        return buffer.string()
    }

    /// libgit2 treats a NULL buffer as "file absent" and an empty one as "empty file".
    private static func withOptionalBytes<Result>(
        _ bytes: [UInt8]?, _ body: (UnsafeRawPointer?, Int) -> Result
    ) -> Result {
        guard let bytes else { return body(nil, 0) }
        // An empty array may have no base address, and libgit2 needs a non-NULL pointer for an
        // empty file; a one-byte array passed with length 0 provides one.
        let storage = bytes.isEmpty ? [0] : bytes
        return storage.withUnsafeBytes { raw in body(raw.baseAddress, bytes.count) }
    }
}
