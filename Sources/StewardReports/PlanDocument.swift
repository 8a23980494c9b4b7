import Analysis
import Foundation
import Kubernetes
import Policy
import StewardPlanner

/// The JSON form of a plan, `steward plan --format json`; the schema is `docs/plan-json.md`.
///
/// Fields are only ever added, never renamed or removed, so that scripts keep working.
package struct PlanDocument: Codable, Sendable, Equatable {
    package var apiVersion = "steward.dev/v1"
    package var kind = "Plan"
    package var repository: String
    package var cluster: String
    package var window: WindowRecord
    package var targets: [TargetRecord]
    package var findings: [FindingRecord]
    package var unchanged: [ContainerRecord]
    package var skipped: [SkippedRecord]
    package var errors: [ErrorRecord]
    package var summary: SummaryRecord
    package var diff: String
    /// The policy in force and what it allowed.
    package var policy: PolicyRecord
    /// CPU and memory requested before and after the permitted changes.
    package var savings: SavingsRecord
    /// What the analysis could not do, e.g. read the Git history to blame a regression.
    package var notes: [String]
    /// The rollbacks in Argo CD that would go with the reverts; absent unless the configuration
    /// has an `argocd` section.
    package var rollbacks: [RollbackRecord]?

    /// A rollback in Argo CD: the Application, the history entries involved and the decision.
    package struct RollbackRecord: Codable, Sendable, Equatable {
        /// The regression finding it answers.
        package var finding: String
        package var application: String
        @NullWhenAbsent package var namespace: String?
        /// The blamed commit.
        package var commit: String
        /// The entry that first deployed the commit, the one running, the one to go back to.
        package var blamed: RollbackProposal.Entry
        package var running: RollbackProposal.Entry
        @NullWhenAbsent package var target: RollbackProposal.Entry?
        package var entriesBack: Int
        package var decision: DecisionRecord
        /// `would roll back shop to history 3 (4f1c2d3)` or `no rollback of shop: …`.
        package var summary: String
    }

    package struct WindowRecord: Codable, Sendable, Equatable {
        package var start: Double
        package var end: Double
    }

    package struct TargetRecord: Codable, Sendable, Equatable {
        package var name: String
        package var kind: String
        @NullWhenAbsent package var definedIn: String?
        package var paths: [String]
        @NullWhenAbsent package var cluster: String?
        @NullWhenAbsent package var namespace: String?
        package var workloads: Int
        package var planned: Bool
    }

    package struct FindingRecord: Codable, Sendable, Equatable {
        package var id: String
        package var kind: String
        package var target: String
        package var workload: WorkloadReference
        package var container: String
        /// One line for a human.
        package var summary: String
        /// `high`, `medium` or `low`.
        package var priority: String
        package var confidence: Confidence
        package var evidence: Evidence
        package var changes: [ChangeRecord]
        /// The commit to revert, for a `regression-after-change` finding with one candidate;
        /// `null` in JSON otherwise.
        @NullWhenAbsent package var revert: RevertRecord?
    }

    /// A revert of one commit, applied by the publisher with `git revert` semantics.
    package struct RevertRecord: Codable, Sendable, Equatable {
        package var commit: ManifestCommit
        package var decision: DecisionRecord
    }

    /// Requested CPU (cores) and memory (bytes), before and after the permitted changes.
    package struct SavingsRecord: Codable, Sendable, Equatable {
        /// How the totals count, in words.
        package var basis: String
        package var containers: Int
        package var cpu: Totals
        package var memory: Totals

        package struct Totals: Codable, Sendable, Equatable {
            package var before: Double
            package var after: Double
            /// `after − before`: negative when the plan saves.
            package var change: Double
        }
    }

    package struct ChangeRecord: Codable, Sendable, Equatable {
        package var file: String
        package var document: Int
        package var path: String
        package var field: String
        /// The text in the file; `null` in JSON when the field is missing and will be inserted.
        @NullWhenAbsent package var from: String?
        /// The text written; `null` in JSON when the change removes the field.
        @NullWhenAbsent package var to: String?
        package var decision: DecisionRecord
        /// `in-place` or `overlay-patch`.
        package var placement: String
        /// `file:line:column` where the current value is defined, when that is not `file`.
        @NullWhenAbsent package var definedIn: String?
    }

    /// The policy's decision on one change; absent parts are `null` in JSON.
    package struct DecisionRecord: Codable, Sendable, Equatable {
        /// `allowed`, `clamped` or `rejected`.
        package var outcome: String
        @NullWhenAbsent package var rule: String?
        /// The value the analysis proposed (the commit id for a revert); `null` for a removal.
        @NullWhenAbsent package var proposed: String?
        /// The value written (the commit reverted); `null` when rejected or removed.
        @NullWhenAbsent package var value: String?
        @NullWhenAbsent package var bound: String?
        @NullWhenAbsent package var reason: String?
    }

    /// The policy file and its state; absent parts are `null` in JSON.
    package struct PolicyRecord: Codable, Sendable, Equatable {
        package var path: String
        /// `loaded`, `missing` or `invalid`.
        package var status: String
        @NullWhenAbsent package var name: String?
        /// For an invalid policy, every problem as `file:line:column: message`.
        package var errors: [String]
        @NullWhenAbsent package var maxOpenPullRequests: Int?
        @NullWhenAbsent package var maxChangesPerPullRequest: Int?
        /// The schedule's windows, e.g. `Mon-Thu 09:00-16:00 (Europe/Berlin)`.
        @NullWhenAbsent package var schedule: String?
        /// Whether the schedule was open when planning.
        @NullWhenAbsent package var scheduleOpen: Bool?
    }

    package struct ContainerRecord: Codable, Sendable, Equatable {
        package var workload: WorkloadReference
        package var container: String
        package var target: String?
    }

    package struct SkippedRecord: Codable, Sendable, Equatable {
        package var workload: WorkloadReference
        package var container: String
        package var target: String?
        package var reason: String
    }

    package struct ErrorRecord: Codable, Sendable, Equatable {
        /// The target the problem belongs to; `null` for the repository as a whole.
        @NullWhenAbsent package var target: String?
        package var file: String
        @NullWhenAbsent package var line: Int?
        @NullWhenAbsent package var column: Int?
        package var message: String
        /// Whether Steward refuses to write to the target because of it.
        package var blocksWrites: Bool
    }

    package struct SummaryRecord: Codable, Sendable, Equatable {
        package var findings: Int
        /// Every proposed change, whatever the policy decided.
        package var changes: Int
        package var files: Int
        package var unchanged: Int
        package var skipped: Int
        package var allowed: Int
        package var clamped: Int
        package var rejected: Int
        package var targets: Int
        package var errors: Int
        /// Reverts proposed, whatever the policy decided.
        package var reverts: Int
    }
}

extension PlanDocument {
    /// The document for `plan`.
    package init(_ plan: Plan) {
        repository = plan.repository
        cluster = plan.cluster
        window = WindowRecord(start: plan.window.start, end: plan.window.end)
        targets = plan.targets.map {
            TargetRecord(
                name: $0.name, kind: $0.kind.rawValue, definedIn: $0.definedIn, paths: $0.paths,
                cluster: $0.cluster,
                namespace: $0.namespace, workloads: $0.workloads, planned: $0.planned)
        }
        findings = plan.findings.map { planned in
            FindingRecord(
                id: planned.finding.id, kind: planned.finding.kind.rawValue, target: planned.target,
                workload: planned.finding.workload,
                container: planned.finding.container, summary: planned.finding.summary,
                priority: planned.finding.priority.rawValue, confidence: planned.finding.confidence,
                evidence: planned.finding.evidence,
                changes: planned.changes.map {
                    ChangeRecord(
                        file: $0.file, document: $0.document, path: $0.path.description,
                        field: $0.field.rawValue,
                        from: $0.from, to: $0.to, decision: DecisionRecord($0),
                        placement: $0.placement.rawValue,
                        definedIn: $0.definedIn?.position)
                },
                revert: planned.revert.map { RevertRecord(commit: $0.commit, decision: DecisionRecord($0)) })
        }
        unchanged = plan.unchanged.map {
            ContainerRecord(workload: $0.workload, container: $0.container, target: $0.target)
        }
        skipped = plan.skipped.map {
            SkippedRecord(
                workload: $0.subject.workload, container: $0.subject.container, target: $0.subject.target,
                reason: $0.reason)
        }
        errors = plan.errors.map {
            ErrorRecord(
                target: $0.target, file: $0.file, line: $0.line, column: $0.column, message: $0.message,
                blocksWrites: $0.blocksWrites)
        }
        let changes = plan.changes
        func count(_ outcome: PolicyDecision.Outcome) -> Int {
            changes.filter { $0.decision.outcome == outcome }.count
        }
        summary = SummaryRecord(
            findings: plan.findings.count, changes: changes.count,
            files: plan.fileEdits.count, unchanged: plan.unchanged.count, skipped: plan.skipped.count,
            allowed: count(.allowed), clamped: count(.clamped), rejected: count(.rejected),
            targets: plan.targets.count, errors: plan.errors.count, reverts: plan.reverts.count)
        diff = plan.diff
        policy = PolicyRecord(plan)
        let totals = plan.savings
        savings = SavingsRecord(
            basis: Savings.basis, containers: totals.containers,
            cpu: SavingsRecord.Totals(
                before: Self.rounded(totals.cpuBefore, 3), after: Self.rounded(totals.cpuAfter, 3),
                change: Self.rounded(totals.cpuAfter - totals.cpuBefore, 3)),
            memory: SavingsRecord.Totals(
                before: totals.memoryBefore.rounded(), after: totals.memoryAfter.rounded(),
                change: (totals.memoryAfter - totals.memoryBefore).rounded()))
        notes = plan.notes
        rollbacks =
            plan.readsArgoCD
            ? plan.rollbacks.map {
                RollbackRecord(
                    finding: $0.finding, application: $0.application, namespace: $0.namespace,
                    commit: $0.commit,
                    blamed: $0.blamed, running: $0.running, target: $0.target, entriesBack: $0.entriesBack,
                    decision: DecisionRecord($0), summary: $0.summary)
            } : nil
    }

    /// Rounds away binary noise (0.1 + 0.2) so that scripts compare what reports show.
    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}

extension PlanDocument.DecisionRecord {
    init(_ change: PlannedChange) {
        self.init(change.decision, proposed: change.proposed, written: change.to)
    }

    init(_ revert: PlannedRevert) {
        self.init(revert.decision, proposed: revert.commit.id, written: revert.commit.id)
    }

    init(_ rollback: RollbackProposal) {
        let target = rollback.target.map { String($0.id) }
        self.init(rollback.decision, proposed: target, written: target)
    }

    /// `written` is what the change writes, recorded as the value only where the policy permits
    /// the edit.
    private init(_ decision: PolicyDecision, proposed: String?, written: String?) {
        outcome = decision.outcome.rawValue
        rule = decision.rule
        self.proposed = proposed
        value = decision.permitsEdit ? written : nil
        bound = decision.bound
        reason = decision.reason
    }
}

extension PlanDocument.PolicyRecord {
    init(_ plan: Plan) {
        path = plan.policy.path
        let policy = plan.policy.policy
        name = policy?.name
        maxOpenPullRequests = policy?.limits.maxOpenPullRequests
        maxChangesPerPullRequest = policy?.limits.maxChangesPerPullRequest
        schedule = policy?.schedule?.description
        scheduleOpen = plan.scheduleOpen
        switch plan.policy {
        case .loaded:
            status = "loaded"
            errors = []
        case .missing:
            status = "missing"
            errors = []
        case .invalid(_, let error):
            status = "invalid"
            errors = error.summaries
        }
    }
}

extension PlanDocument: JSONDocument {}
