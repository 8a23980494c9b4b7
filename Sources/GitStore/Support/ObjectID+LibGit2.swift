internal import CLibGit2

extension ObjectID {
    /// Copies a libgit2 object id.
    init(_ oid: git_oid) {
        let raw = withUnsafeBytes(of: oid.id) { Array($0) }
        self.init(bytes: raw)!
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
