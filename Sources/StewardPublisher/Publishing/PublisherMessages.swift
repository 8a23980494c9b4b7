import Foundation
import GitStore

/// The sentences Steward leaves on pull requests and in reports.
enum PublisherMessages {
    /// The label that marks a pull request Steward has already commented on about a person's
    /// commit, so it says so once, not every hour.
    static let humanCommitLabel = "steward:human-commit"

    static func humanCommit(_ commit: CommitInfo, branch: String) -> String {
        """
        Steward stopped updating `\(branch)`: commit \(commit.id.short) ("\(commit.summary)", by \
        \(commit.author.name)) is not Steward's: it is not signed by Steward's key with Steward's trailers.

        Steward never overwrites someone else's work, so it will not push to this branch while that \
        commit is on it. Review and merge this pull request as it stands, or close it; to let Steward \
        take the branch over again, delete the branch and the next run starts afresh.
        """
    }

    static func findingGone(branch: String, base: String, baseCommit: ObjectID) -> String {
        """
        The findings behind this pull request are gone: on `\(base)` at \(baseCommit.short), Steward \
        proposes no change for `\(branch)` any more (the values already match the usage, the \
        workloads changed, or the policy no longer allows the change). Steward closes this pull \
        request and deletes its branch.
        """
    }

    static func declined(branch: String) -> String {
        "\(branch) holds exactly what Steward would build but has no open pull request: a reviewer closed it, "
            + "so Steward leaves it (delete the branch to have the change proposed again)"
    }

    static func leaseMoved(_ error: GitError, branch: String) -> String {
        "someone pushed to \(branch) after Steward fetched it, so nothing was pushed (\(error.message)); "
            + "the next run starts from what is there"
    }
}
