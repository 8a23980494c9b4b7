import Analysis
import Foundation
import GitStore

/// The commits the regression detector may blame: those of the repository's `HEAD` that touched
/// a file of interest, newest first, as plain values.
struct ManifestHistory: Sendable {
    struct Commit: Sendable {
        var id: String
        var time: Double
        var author: String
        var summary: String
        var paths: Set<String>
    }

    var commits: [Commit]
    /// Why there is no history, when there is none: the reports say so.
    var unavailable: String?

    /// The most commits read: the walk goes newest first, so a busy repository's older history is
    /// left out rather than making every plan slower.
    static let limit = 2000

    /// Reads the commits of `repository` (a working tree or a bare repository) reachable from
    /// `revision` that touched any of `paths` and were committed in `since...until`.
    static func load(repository: String, revision: String, paths: Set<String>, since: Double, until: Double)
        -> ManifestHistory
    {
        do {
            let git = try Repository.open(path: repository)
            let infos = try git.history(of: paths.sorted(), from: revision, limit: limit)
            let commits = infos.compactMap { info -> Commit? in
                let time = info.committer.date.timeIntervalSince1970
                guard time >= since, time <= until else { return nil }
                return Commit(
                    id: info.id.hex, time: time, author: "\(info.author.name) <\(info.author.email)>",
                    summary: info.summary, paths: Set(info.changedPaths))
            }
            return ManifestHistory(commits: commits)
        } catch {
            return ManifestHistory(
                commits: [],
                unavailable:
                    "\(repository) has no readable Git history (\(error)): anomalies are reported, not blamed on commits"
            )
        }
    }

    /// The commits that touched `workloadFiles` (scope workload) or `tlsFiles` (scope tls); a commit
    /// touching both appears once for each.
    func commits(workloadFiles: Set<String>, tlsFiles: Set<String>) -> [ManifestCommit] {
        var result: [ManifestCommit] = []
        for commit in commits {
            for (files, scope) in [(workloadFiles, ManifestCommit.Scope.workload), (tlsFiles, .tls)] {
                let touched = commit.paths.intersection(files)
                guard !touched.isEmpty else { continue }
                result.append(
                    ManifestCommit(
                        id: commit.id, time: commit.time, author: commit.author, summary: commit.summary,
                        paths: touched.sorted(), scope: scope))
            }
        }
        return result
    }
}
