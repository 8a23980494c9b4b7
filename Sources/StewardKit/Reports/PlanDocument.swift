import Analysis
import Foundation
import Kubernetes
import Policy

/// The JSON form of a plan, `steward plan --format json`; the schema is `docs/plan-json.md`.
///
/// Fields are only ever added, never renamed or removed, so that scripts keep working.
public struct PlanDocument: Codable, Sendable, Equatable {
    public var apiVersion = "steward.dev/v1"
    public var kind = "Plan"
    public var repository: String
    public var cluster: String
    public var window: WindowRecord
    public var targets: [TargetRecord]
    public var findings: [FindingRecord]
    public var unchanged: [ContainerRecord]
    public var skipped: [SkippedRecord]
    public var errors: [ErrorRecord]
    public var summary: SummaryRecord
    public var diff: String
    /// The policy in force and what it allowed.
    public var policy: PolicyRecord
    /// CPU and memory requested before and after the permitted changes.
    public var savings: SavingsRecord
    /// What the analysis could not do, e.g. read the Git history to blame a regression.
    public var notes: [String]

    public struct WindowRecord: Codable, Sendable, Equatable {
        public var start: Double
        public var end: Double
    }

    public struct TargetRecord: Codable, Sendable, Equatable {
        public var name: String
        public var kind: String
        @NullWhenAbsent public var definedIn: String?
        public var paths: [String]
        @NullWhenAbsent public var cluster: String?
        @NullWhenAbsent public var namespace: String?
        public var workloads: Int
        public var planned: Bool
    }

    public struct FindingRecord: Codable, Sendable, Equatable {
        public var id: String
        public var kind: String
        public var target: String
        public var workload: WorkloadReference
        public var container: String
        /// One line for a human.
        public var summary: String
        /// `high`, `medium` or `low`.
        public var priority: String
        public var confidence: Confidence
        public var evidence: Evidence
        public var changes: [ChangeRecord]
        /// The commit to revert, for a `regression-after-change` finding with one candidate;
        /// `null` in JSON otherwise.
        @NullWhenAbsent public var revert: RevertRecord?
    }

    /// A revert of one commit, applied by the publisher with `git revert` semantics.
    public struct RevertRecord: Codable, Sendable, Equatable {
        public var commit: ManifestCommit
        public var decision: DecisionRecord
    }

    /// Requested CPU (cores) and memory (bytes), before and after the permitted changes.
    public struct SavingsRecord: Codable, Sendable, Equatable {
        /// How the totals count, in words.
        public var basis: String
        public var containers: Int
        public var cpu: Totals
        public var memory: Totals

        public struct Totals: Codable, Sendable, Equatable {
            public var before: Double
            public var after: Double
            /// `after − before`: negative when the plan saves.
            public var change: Double
        }
    }

    public struct ChangeRecord: Codable, Sendable, Equatable {
        public var file: String
        public var document: Int
        public var path: String
        public var field: String
        /// The text in the file; `null` in JSON when the field is missing and will be inserted.
        @NullWhenAbsent public var from: String?
        /// The text written; `null` in JSON when the change removes the field.
        @NullWhenAbsent public var to: String?
        public var decision: DecisionRecord
        /// `in-place` or `overlay-patch`.
        public var placement: String
        /// `file:line:column` where the current value is defined, when that is not `file`.
        @NullWhenAbsent public var definedIn: String?
    }

    /// The policy's decision on one change; absent parts are `null` in JSON.
    public struct DecisionRecord: Codable, Sendable, Equatable {
        /// `allowed`, `clamped` or `rejected`.
        public var outcome: String
        @NullWhenAbsent public var rule: String?
        /// The value the analysis proposed (the commit id for a revert); `null` for a removal.
        @NullWhenAbsent public var proposed: String?
        /// The value written (the commit reverted); `null` when rejected or removed.
        @NullWhenAbsent public var value: String?
        @NullWhenAbsent public var bound: String?
        @NullWhenAbsent public var reason: String?
    }

    /// The policy file and its state; absent parts are `null` in JSON.
    public struct PolicyRecord: Codable, Sendable, Equatable {
        public var path: String
        /// `loaded`, `missing` or `invalid`.
        public var status: String
        @NullWhenAbsent public var name: String?
        /// For an invalid policy, every problem as `file:line:column: message`.
        public var errors: [String]
        @NullWhenAbsent public var maxOpenPullRequests: Int?
        @NullWhenAbsent public var maxChangesPerPullRequest: Int?
        /// The schedule's windows, e.g. `Mon-Thu 09:00-16:00 (Europe/Berlin)`.
        @NullWhenAbsent public var schedule: String?
        /// Whether the schedule was open when planning.
        @NullWhenAbsent public var scheduleOpen: Bool?
    }

    public struct ContainerRecord: Codable, Sendable, Equatable {
        public var workload: WorkloadReference
        public var container: String
        public var target: String?
    }

    public struct SkippedRecord: Codable, Sendable, Equatable {
        public var workload: WorkloadReference
        public var container: String
        public var target: String?
        public var reason: String
    }

    public struct ErrorRecord: Codable, Sendable, Equatable {
        /// The target the problem belongs to; `null` for the repository as a whole.
        @NullWhenAbsent public var target: String?
        public var file: String
        @NullWhenAbsent public var line: Int?
        @NullWhenAbsent public var column: Int?
        public var message: String
        /// Whether Steward refuses to write to the target because of it.
        public var blocksWrites: Bool
    }

    public struct SummaryRecord: Codable, Sendable, Equatable {
        public var findings: Int
        /// Every proposed change, whatever the policy decided.
        public var changes: Int
        public var files: Int
        public var unchanged: Int
        public var skipped: Int
        public var allowed: Int
        public var clamped: Int
        public var rejected: Int
        public var targets: Int
        public var errors: Int
        /// Reverts proposed, whatever the policy decided.
        public var reverts: Int
    }
}

extension PlanDocument {
    /// The document for `plan`.
    public init(_ plan: Plan) {
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
    }

    /// Rounds away binary noise (0.1 + 0.2) so that scripts compare what reports show.
    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}

extension PlanDocument.DecisionRecord {
    init(_ change: PlannedChange) {
        let decision = change.decision
        outcome = decision.outcome.rawValue
        rule = decision.rule
        proposed = change.proposed
        value = decision.permitsEdit ? change.to : nil
        bound = decision.bound
        reason = decision.reason
    }
}

extension PlanDocument.DecisionRecord {
    init(_ revert: PlannedRevert) {
        let decision = revert.decision
        outcome = decision.outcome.rawValue
        rule = decision.rule
        proposed = revert.commit.id
        value = decision.permitsEdit ? revert.commit.id : nil
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
