import Foundation
import GitStore
import Kubernetes
import Profiles
import Signing
import StewardPlanner
import StewardVerify

/// Builds bot branches in the workspace: from the base commit, one signed commit per finding
/// with the planner's own edits for that finding only, and the evidence note on each. Nothing
/// leaves the local repository; no reference but the local notes moves.
package struct BranchBuilder {
    let repository: Repository
    let identity: BotIdentity
    let plan: Plan
    let base: ObjectID
    /// The policy blob in the base tree, for the `Steward-Policy` trailer.
    let policyBlob: String
    let profiles: UsageProfiles
    let run: String
    let date: Date

    /// The branch for `group`.
    /// - Throws: ``StewardError`` when an edit or a Git write fails.
    func build(_ group: ChangeGroup) throws(StewardError) -> BuiltBranch {
        if let revert = group.revert { return try build(revert, in: group) }
        guard !group.findings.isEmpty else {
            throw .failed("\(group.branch): the group has no finding to commit")
        }
        var session = EditSession(inventory: plan.inventory)
        var parent = base
        var commits: [BuiltBranch.Commit] = []
        let person = identity.person(at: date)
        for planned in group.findings {
            // The planner's own edit stage, one finding at a time on top of the ones before: each
            // commit holds exactly one finding's edits, re-rendered and checked like the plan's.
            guard let target = plan.proposals.analyzed[planned.finding.id]?.target else {
                throw .failed("\(group.branch): \(planned.finding.id) is not in the plan's proposals")
            }
            let changes = Planner.permitted(planned, plan.proposals).map(\.1)
            if case .failure(let refusal) = session.attempt(changes, for: target) {
                throw .failed("\(group.branch): cannot write \(planned.finding.id) alone: \(refusal.message)")
            }
            do {
                let tree = try repository.makeTree(base: base, upserts: session.files)
                let note = evidence(for: planned)
                let message = BotCommitMessage(
                    subject: CommitMessageWriter.subject(planned),
                    body: CommitMessageWriter.body(planned, window: plan.window, cluster: plan.cluster),
                    finding: planned.finding.id, evidence: Digest.sha256(note),
                    policyRule: planned.allowingRule ?? "none", policyPath: plan.policy.path,
                    policyBlob: policyBlob, run: run)
                let commit = try repository.commit(
                    tree: tree, parents: [parent], author: person, committer: person, message: message.text,
                    signer: identity.signer)
                try repository.addNote(note, to: commit, author: person, committer: person, overwrite: true)
                commits.append(BuiltBranch.Commit(id: commit, finding: planned, message: message, note: note))
                parent = commit
            } catch {
                throw StewardError(
                    error, context: "\(group.branch): cannot build the commit for \(planned.finding.id)")
            }
        }
        return BuiltBranch(group: group, commits: commits)
    }

    private func evidence(for planned: PlannedFinding) -> String {
        EvidenceRecord(
            planned, window: plan.window, profile: profiles.profile(of: planned.finding),
            source: profiles.source, policyPath: plan.policy.path, policyBlob: policyBlob
        ).text
    }

    /// The revert branch: one signed commit whose tree is the base with the inverse of the blamed
    /// commit applied, as `git revert` makes it, and whose message names the commit as
    /// `git revert` does (`This reverts commit <id>.`).
    private func build(_ revert: RevertProposal, in group: ChangeGroup) throws(StewardError) -> BuiltBranch {
        let person = identity.person(at: date)
        do {
            guard let reverted = ObjectID(hex: revert.commit),
                let info = try repository.history(of: [], from: reverted.hex, limit: 1).first
            else {
                throw StewardError.invalidInput(
                    "\(group.branch): the commit to revert, \(revert.commit), is not in the repository")
            }
            guard try repository.history(of: [], from: reverted.hex, excluding: base.hex, limit: 1).isEmpty
            else {
                throw StewardError.invalidInput(
                    "\(group.branch): \(reverted.short) is not in the history of the base commit \(base.short)"
                )
            }
            let tree = try repository.revert(reverted, onto: base, mainline: info.parents.count > 1 ? 1 : 0)
            let note = RevertEvidenceRecord(
                finding: revert.finding, workload: revert.workload, container: revert.container,
                reverted: RevertEvidenceRecord.Reverted(
                    commit: reverted.hex, subject: info.summary, author: info.author.name,
                    date: info.author.date.formatted(.iso8601)),
                reason: revert.reason, evidence: revert.evidence, decision: revert.decision.outcome.rawValue,
                rule: revert.decision.rule,
                policy: EvidenceRecord.PolicyReference(path: plan.policy.path, blob: policyBlob),
                rollback: revert.rollback
            ).text
            let message = BotCommitMessage(
                subject: "steward: revert \(reverted.short) \"\(info.summary)\"",
                body: "This reverts commit \(reverted.hex).\n\n\(revert.reason)\n",
                finding: revert.finding, evidence: Digest.sha256(note),
                policyRule: revert.decision.rule ?? "none",
                policyPath: plan.policy.path, policyBlob: policyBlob, run: run)
            let commit = try repository.commit(
                tree: tree, parents: [base], author: person, committer: person, message: message.text,
                signer: identity.signer)
            try repository.addNote(note, to: commit, author: person, committer: person, overwrite: true)
            return BuiltBranch(
                group: group,
                commits: [BuiltBranch.Commit(id: commit, finding: nil, message: message, note: note)],
                reverted: info)
        } catch let error as GitError where error.code == .conflict {
            throw StewardError.failed(
                "\(group.branch): \(error.message) on \(base.short); nothing is proposed")
        } catch {
            throw StewardError(error, context: "\(group.branch): cannot build the revert of \(revert.commit)")
        }
    }
}
