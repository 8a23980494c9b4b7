import Foundation
import GitStore
import Signing
import Telemetry
import YAMLSyntax

/// Builds bot branches in the workspace: from the base commit, one signed commit per finding
/// with the planner's own edits for that finding only, and the evidence note on each. Nothing
/// leaves the local repository; no reference but the local notes moves.
struct BranchBuilder {
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
        var contents: [String: [UInt8]] = [:]
        var parent = base
        var commits: [BuiltBranch.Commit] = []
        let person = identity.person(at: date)
        for planned in group.findings {
            let changes = planned.writtenChanges
            do {
                var files: [String: YAMLFile] = [:]
                for path in Set(changes.map(\.file)) {
                    guard let bytes = try contents[path] ?? repository.blob(at: base.hex, path: path) else {
                        throw StewardError("\(path) is not in the base commit \(base.short)")
                    }
                    files[path] = try YAMLFile(bytes: bytes, path: path)
                }
                let edits = try Planner.edit(files, with: changes)
                for edit in edits { contents[edit.path] = edit.after }
                let tree = try repository.makeTree(
                    base: parent, upserts: Dictionary(uniqueKeysWithValues: edits.map { ($0.path, $0.after) })
                )
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
            } catch let error as StewardError {
                throw error
            } catch {
                throw StewardError(
                    "\(group.branch): cannot build the commit for \(planned.finding.id): \(error)")
            }
        }
        return BuiltBranch(group: group, commits: commits)
    }

    private func evidence(for planned: PlannedFinding) -> String {
        let finding = planned.finding
        let profile = profiles.profiles.first {
            $0.cluster == finding.workload.cluster && $0.namespace == finding.workload.namespace
                && $0.workload.kind == finding.workload.kind && $0.workload.name == finding.workload.name
                && $0.container == finding.container
        }
        return EvidenceRecord(
            planned, window: plan.window, profile: profile, source: profiles.source,
            policyPath: plan.policy.path,
            policyBlob: policyBlob
        ).text
    }
}
