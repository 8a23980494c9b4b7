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

    /// For each of `commits`, the entries of `history` (oldest first) that brought it to the
    /// cluster: each whose revision is the commit or a descendant while the entry before was not,
    /// with the revision that carried it. Argo CD numbers entries from 0: a first entry with
    /// another id is the oldest one `revisionHistoryLimit` kept, and what it holds may have come
    /// with entries already dropped, so it only says what ran before. A revision the repository
    /// does not have (Argo CD tracks another branch, a shallow clone) deploys nothing Steward can
    /// tell.
    func deployments(of commits: Set<String>, in history: [ArgoHistoryEntry]) -> [String: [(
        ArgoHistoryEntry, String
    )]] {
        guard !commits.isEmpty, !history.isEmpty, let git = try? Repository.open(path: repository) else {
            return [:]
        }
        var found: [String: [(ArgoHistoryEntry, String)]] = [:]
        for commit in commits.sorted() {
            guard let id = ObjectID(hex: commit) else { continue }
            var before = false
            for (index, entry) in history.enumerated() {
                let carrier = Self.carrier(of: id, in: entry, git: git)
                let baseline = index == 0 && entry.id != 0
                if let carrier, !before, !baseline { found[commit, default: []].append((entry, carrier)) }
                before = carrier != nil
            }
        }
        return found
    }

    /// Whether the revision `entry` deployed holds `commit`.
    func contains(_ commit: String, in entry: ArgoHistoryEntry) -> Bool {
        guard let id = ObjectID(hex: commit), let git = try? Repository.open(path: repository) else {
            return false
        }
        return Self.carrier(of: id, in: entry, git: git) != nil
    }

    /// The first revision of `entry` that is `commit` or a descendant of it; a revision the
    /// repository does not know carries nothing.
    private static func carrier(of commit: ObjectID, in entry: ArgoHistoryEntry, git: Repository) -> String? {
        entry.revisions.first { revision in
            ObjectID(hex: revision).map { (try? git.contains(commit, in: $0)) == true } ?? false
        }
    }

    /// The committer time of `revision`, unix seconds; nil when the repository does not have it.
    func commitTime(of revision: String) -> Double? {
        guard let git = try? Repository.open(path: repository),
            let info = try? git.history(of: [], from: revision, limit: 1).first
        else { return nil }
        return info.committer.date.timeIntervalSince1970
    }
}
