import Foundation
import GitStore
import Kubernetes
import Policy
import Signing
import StewardPlanner

/// The checks of one bot commit; each problem is one line of the report.
package struct CommitCheck {
    let commit: CommitInfo
    let request: VerifyRequest
    let signers: AllowedSigners
    /// The inventory of the parent, when the caller has it already (a run checks commits on the
    /// base it planned); nil: rendered from the parent's tree.
    let parentInventory: Inventory?
    package private(set) var problems: [String] = []
    /// How many workload fields the commit changes.
    private(set) var changedFields = 0

    package init(
        commit: CommitInfo, request: VerifyRequest, signers: AllowedSigners, parentInventory: Inventory? = nil
    ) {
        self.commit = commit
        self.request = request
        self.signers = signers
        self.parentInventory = parentInventory
    }

    package mutating func run(in repository: Repository) {
        checkSignature(in: repository)
        let message: BotCommitMessage
        do {
            message = try BotCommitMessage(parsing: commit.message)
        } catch {
            problems += error.problems
            return
        }
        guard let finding = FindingReference(message.finding) else {
            problems.append(
                "\(BotCommitMessage.findingKey) is not <kind>/<cluster>/<namespace>/<Kind>/<name>/<container> "
                    + "with a known kind: \(message.finding)")
            return
        }
        checkEvidence(message, in: repository)
        guard commit.parents.count == 1, let parent = commit.parents.first else {
            problems.append("a bot commit has exactly one parent; this one has \(commit.parents.count)")
            return
        }
        guard let policy = policy(message, at: parent, in: repository) else { return }
        if finding.kind == .regressionAfterChange {
            var revert = RevertCheck(commit: commit, finding: finding, rule: message.policyRule)
            revert.run(policy: policy, parent: parent, in: repository)
            problems += revert.problems
        } else {
            checkScope(
                finding: finding, rule: message.policyRule, policy: policy, parent: parent, in: repository)
        }
    }

    private mutating func checkSignature(in repository: Repository) {
        do {
            guard let signature = try repository.signature(of: commit.id) else {
                problems.append("not signed")
                return
            }
            _ = try SSHSignature.verify(
                armored: signature.armor, message: signature.signedData, namespace: "git",
                allowedSigners: signers,
                at: commit.committer.date)
        } catch {
            problems.append("signature: \(error)")
        }
    }

    private mutating func checkEvidence(_ message: BotCommitMessage, in repository: Repository) {
        do {
            guard let note = try repository.note(on: commit.id) else {
                problems.append("no evidence note on \(Repository.stewardNotesReference)")
                return
            }
            let digest = Digest.sha256(note)
            if digest != message.evidence {
                problems.append(
                    "\(BotCommitMessage.evidenceKey) sha256:\(message.evidence.prefix(12))… does not match the note on "
                        + "\(Repository.stewardNotesReference) (sha256:\(digest.prefix(12))…)")
            }
        } catch {
            problems.append("cannot read the evidence note: \(error)")
        }
    }

    /// The policy in force at the parent, when it is the one the trailer names and it loads.
    private mutating func policy(_ message: BotCommitMessage, at parent: ObjectID, in repository: Repository)
        -> Policy?
    {
        let path = request.policy
        guard message.policyPath == path else {
            problems.append(
                "\(BotCommitMessage.policyKey) names \(message.policyPath), but the policy in force is \(path)"
            )
            return nil
        }
        do {
            guard let bytes = try repository.blob(at: parent.hex, path: path) else {
                problems.append("the parent \(parent.short) has no \(path): nothing is allowed")
                return nil
            }
            // Blobs are named by their content: the named blob is the parent's file exactly when
            // it exists and holds the same bytes.
            let named = ObjectID(hex: message.policyBlob).flatMap { try? repository.blob($0) }
            if named != bytes {
                problems.append(
                    "\(BotCommitMessage.policyKey) names blob \(message.policyBlob.prefix(7)), which is not \(path) "
                        + "at the parent \(parent.short)")
            }
            do {
                return try Policy(bytes: bytes, path: path)
            } catch {
                let first = error.diagnostics.first.map { "\($0.line):\($0.column): \($0.message)" } ?? ""
                problems.append(
                    "\(path) at the parent \(parent.short) does not load (\(first)): nothing is allowed")
                return nil
            }
        } catch {
            problems.append("cannot read \(path) at the parent \(parent.short): \(error)")
            return nil
        }
    }

    /// The scope check of the commit's diff against the policy, with every changed place mapped
    /// to its field through the inventory of the parent (overlays, Helm values, Steward's own patch
    /// files), as the planner checks its edits; then every field must be the finding's and be
    /// decided by the rule the trailer names.
    private mutating func checkScope(
        finding: FindingReference, rule: String, policy: Policy, parent: ObjectID, in repository: Repository
    ) {
        let edits: [ChangedFile]
        let inventory: Inventory
        do {
            edits = try repository.changedPaths(from: parent, to: commit.id).map { path in
                ChangedFile(
                    path: path, before: try repository.blob(at: parent.hex, path: path),
                    after: try repository.blob(at: commit.id.hex, path: path))
            }
            inventory =
                try parentInventory
                ?? InputLoader.inventory(
                    of: try GitTreeSource(repository: repository, revision: parent.hex),
                    options: request.inventory)
        } catch {
            problems.append("cannot read the commit's changes: \(error)")
            return
        }
        guard !edits.isEmpty else {
            problems.append("changes nothing")
            return
        }
        let cluster = finding.workload.cluster
        let overlay = OverlayPatchScope(
            inventory: inventory, policy: policy, cluster: cluster, actions: [finding.action])
        let (own, _) = overlay.partition(edits.filter { $0.after != nil })
        let ownPaths = Set(own.map(\.path))
        let report = ScopeCheck(
            policy: policy, cluster: cluster, actions: [finding.action],
            resolver: InventoryFieldResolver(inventory: inventory)
        ).check(edits.filter { !ownPaths.contains($0.path) })
        let patches = overlay.inspect(own)
        problems += report.violations.map(\.description) + patches.violations
        let fields =
            report.fields.map { field in
                (
                    place: "\(field.file)[\(field.document)] \(field.location)", field: field.field,
                    rule: field.decision.outcome == .allowed ? field.decision.rule : nil
                )
            } + patches.fields.map { (place: $0.place, field: $0.field, rule: $0.rule) }
        changedFields += fields.count
        for (place, field, decided) in fields {
            let workload = field.subject.workload
            if workload != finding.workload || field.container != finding.container {
                problems.append(
                    "\(place): changes \(workload) container \(field.container), but the finding is about "
                        + "\(finding.workload) container \(finding.container)")
            } else if let decided, decided != rule {
                problems.append(
                    "\(place): allowed by rule \(decided), not by rule \(rule) that \(BotCommitMessage.policyKey) names"
                )
            }
        }
    }
}
