import Analysis
import Kubernetes

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

    public struct WindowRecord: Codable, Sendable, Equatable {
        public var start: Double
        public var end: Double
    }

    public struct TargetRecord: Codable, Sendable, Equatable {
        public var name: String
        public var kind: String
        public var definedIn: String?
        public var paths: [String]
        public var cluster: String?
        public var namespace: String?
        public var workloads: Int
        public var planned: Bool

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(kind, forKey: .kind)
            try container.encode(definedIn, forKey: .definedIn)
            try container.encode(paths, forKey: .paths)
            try container.encode(cluster, forKey: .cluster)
            try container.encode(namespace, forKey: .namespace)
            try container.encode(workloads, forKey: .workloads)
            try container.encode(planned, forKey: .planned)
        }
    }

    public struct FindingRecord: Codable, Sendable, Equatable {
        public var id: String
        public var kind: String
        public var target: String
        public var workload: WorkloadReference
        public var container: String
        public var evidence: Evidence
        public var changes: [ChangeRecord]
    }

    public struct ChangeRecord: Codable, Sendable, Equatable {
        public var file: String
        public var document: Int
        public var path: String
        public var field: String
        /// The text in the file; `null` in JSON when the field is missing and will be inserted.
        public var from: String?
        public var to: String
        /// `in-place` or `overlay-patch`.
        public var placement: String
        /// `file:line:column` where the current value is defined, when that is not `file`.
        public var definedIn: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(document, forKey: .document)
            try container.encode(path, forKey: .path)
            try container.encode(field, forKey: .field)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(placement, forKey: .placement)
            try container.encode(definedIn, forKey: .definedIn)
        }
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
        public var target: String?
        public var file: String
        public var line: Int?
        public var column: Int?
        public var message: String
        /// Whether Steward refuses to write to the target because of it.
        public var blocksWrites: Bool

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(target, forKey: .target)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(blocksWrites, forKey: .blocksWrites)
        }
    }

    public struct SummaryRecord: Codable, Sendable, Equatable {
        public var findings: Int
        public var changes: Int
        public var files: Int
        public var unchanged: Int
        public var skipped: Int
        public var targets: Int
        public var errors: Int
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
                container: planned.finding.container, evidence: planned.finding.evidence,
                changes: planned.changes.map {
                    ChangeRecord(
                        file: $0.file, document: $0.document, path: $0.path.description,
                        field: $0.field.rawValue, from: $0.from, to: $0.to, placement: $0.placement.rawValue,
                        definedIn: $0.definedIn?.position)
                })
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
        summary = SummaryRecord(
            findings: plan.findings.count, changes: plan.findings.reduce(0) { $0 + $1.changes.count },
            files: plan.fileEdits.count, unchanged: plan.unchanged.count, skipped: plan.skipped.count,
            targets: plan.targets.count, errors: plan.errors.count)
        diff = plan.diff
    }
}
