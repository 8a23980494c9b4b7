internal import CLibGit2

extension ObjectID {
    /// Copies a libgit2 object id.
    init(_ oid: git_oid) {
        // `git_oid.id` is `unsigned char[GIT_OID_RAWSZ]`, a fixed 20-byte tuple.
        let raw = withUnsafeBytes(of: oid.id) { Array($0) }
        self.init(twentyBytes: raw)
    }

    /// Copies a libgit2 object id given by pointer.
    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The id as a libgit2 value.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes) }
        return oid
    }
}
