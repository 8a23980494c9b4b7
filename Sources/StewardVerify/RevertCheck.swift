import Foundation
import GitStore
import Kubernetes
import Policy
import YAMLSyntax

/// The checks of a bot revert commit, instead of the scope check of field changes: it names the
/// commit it reverts as `git revert` does, that commit is in the parent's history, the tree is
/// exactly the revert of that commit onto the parent, and the policy at the parent allows
/// reverting the finding's workload by the rule the trailer names.
struct RevertCheck {
    let commit: CommitInfo
    let finding: FindingReference
    let rule: String
    private(set) var problems: [String] = []

    init(commit: CommitInfo, finding: FindingReference, rule: String) {
        self.commit = commit
        self.finding = finding
        self.rule = rule
    }

    mutating func run(policy: Policy, parent: ObjectID, in repository: Repository) {
        guard let reverted = revertedCommit(in: repository) else { return }
        do {
            guard
                try repository.history(of: [], from: reverted.id.hex, excluding: parent.hex, limit: 1).isEmpty
            else {
                problems.append(
                    "reverts \(reverted.id.short), which is not in the history of the parent \(parent.short)")
                return
            }
            let expected = try repository.revert(
                reverted.id, onto: parent, mainline: reverted.parents.count > 1 ? 1 : 0)
            if try repository.treeID(commit.id.hex) != expected {
                problems.append(
                    "the tree is not the revert of \(reverted.id.short) onto the parent \(parent.short): it changes "
                        + "something `git revert` would not")
            }
        } catch let error as GitError where error.code == .conflict {
            problems.append("the revert of \(reverted.id.short) does not apply on the parent \(parent.short)")
        } catch {
            problems.append("cannot recompute the revert of \(reverted.id.short): \(error)")
        }
        let decision = policy.evaluateRevert(of: subject(reverted, parent: parent, in: repository))
        if decision.outcome != .allowed {
            problems.append("the policy at the parent does not allow this revert: \(decision)")
        } else if let decided = decision.rule, decided != rule {
            problems.append(
                "the revert is allowed by rule \(decided), not by rule \(rule) that \(BotCommitMessage.policyKey) names"
            )
        }
    }

    /// The commit named by `This reverts commit <id>.`, the line `git revert` writes.
    private mutating func revertedCommit(in repository: Repository) -> CommitInfo? {
        let pattern = /This reverts commit ([0-9a-f]{40})\./
        guard let match = commit.message.firstMatch(of: pattern) else {
            problems.append(
                "a revert commit names the commit it reverts as `This reverts commit <40-digit id>.`")
            return nil
        }
        let hex = String(match.1)
        guard let info = try? repository.history(of: [], from: hex, limit: 1).first else {
            problems.append("reverts \(hex.prefix(7)), which is not in the repository")
            return nil
        }
        return info
    }

    /// The finding's workload as the policy sees it: its labels and annotations from the manifests
    /// the reverted commit touched, as the parent holds them.
    private func subject(_ reverted: CommitInfo, parent: ObjectID, in repository: Repository) -> PolicySubject
    {
        let target = finding.workload
        for path in reverted.changedPaths where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            guard let bytes = try? repository.blob(at: parent.hex, path: path),
                let file = try? YAMLFile(bytes: bytes, path: path)
            else { continue }
            let match = ManifestScanner.workloads(in: file, relativePath: path).first {
                $0.reference(cluster: target.cluster) == target
            }
            if let match { return PolicySubject(match, cluster: target.cluster) }
        }
        return PolicySubject(workload: target)
    }
}
