import Synchronization

/// Where the regression detector reads the commits it may blame: a repository on disk and the
/// revision whose history counts (`HEAD`, `--ref`, the fetched base commit).
///
/// It counts its walks, because reading history is the slowest step of planning a large
/// repository and a run must read it once.
package final class CommitHistory: Sendable {
    /// A working tree or bare repository on disk.
    package let repository: String
    /// The revision whose history is read.
    package let revision: String
    private let walkCount = Mutex(0)

    package init(repository: String, revision: String) {
        self.repository = repository
        self.revision = revision
    }

    /// How many times the history was read.
    package var walks: Int { walkCount.withLock { $0 } }

    /// The commits reachable from ``revision`` that touched any of `paths` in `since...until`.
    func read(paths: Set<String>, since: Double, until: Double) -> ManifestHistory {
        guard !paths.isEmpty else { return ManifestHistory(commits: []) }
        walkCount.withLock { $0 += 1 }
        return ManifestHistory.load(
            repository: repository, revision: revision, paths: paths, since: since, until: until)
    }
}
