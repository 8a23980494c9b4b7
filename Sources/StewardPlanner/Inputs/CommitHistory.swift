import ArgoCD
import GitStore
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

    /// For each of `commits`, the first entry of `history` (oldest first) that deployed it: whose
    /// revision is the commit or a descendant. A revision the repository does not have (Argo CD
    /// tracks another branch, a shallow clone) deploys nothing Steward can tell.
    func deployments(of commits: Set<String>, in history: [ArgoHistoryEntry]) -> [String: (
        ArgoHistoryEntry, String
    )] {
        guard !commits.isEmpty, !history.isEmpty, let git = try? Repository.open(path: repository) else {
            return [:]
        }
        var found: [String: (ArgoHistoryEntry, String)] = [:]
        for commit in commits.sorted() {
            guard let id = ObjectID(hex: commit) else { continue }
            search: for entry in history {
                for revision in entry.revisions {
                    guard let deployed = ObjectID(hex: revision),
                        (try? git.contains(id, in: deployed)) == true
                    else {
                        continue
                    }
                    found[commit] = (entry, revision)
                    break search
                }
            }
        }
        return found
    }
}
