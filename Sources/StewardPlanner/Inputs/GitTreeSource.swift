import GitStore
import Kubernetes

/// The files of a Git tree at a revision, read straight from the object database through
/// GitStore: no checkout, so a bare cache of the GitOps repository is enough.
package struct GitTreeSource: FileTree {
    package let repository: Repository
    /// The revision as given (`main`, `origin/main`, a commit id).
    package let revision: String
    /// The tree the revision names, resolved once so that every read sees the same tree.
    package let tree: ObjectID

    /// The tree of `revision` in `repository`.
    /// - Throws: ``StewardError`` naming the repository and revision when it does not resolve.
    package init(repository: Repository, revision: String) throws(StewardError) {
        self.repository = repository
        self.revision = revision
        do {
            tree = try repository.treeID(revision)
        } catch {
            throw StewardError(error, context: repository.path)
        }
    }

    package func filePaths() throws(FileTreeError) -> [String] {
        do {
            return try repository.files(at: tree.hex)
        } catch {
            throw FileTreeError(subject: "\(repository.path)@\(revision)", message: "\(error)")
        }
    }

    package func contents(of path: String) throws(FileTreeError) -> [UInt8] {
        let bytes: [UInt8]?
        do {
            bytes = try repository.blob(at: tree.hex, path: path)
        } catch {
            throw FileTreeError(subject: "\(path)@\(revision)", message: "\(error)")
        }
        guard let bytes else { throw FileTreeError(subject: "\(path)@\(revision)", message: "no such file") }
        return bytes
    }
}
