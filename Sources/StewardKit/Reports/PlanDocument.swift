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
    public var findings: [FindingRecord]
    public var unchanged: [ContainerRecord]
    public var skipped: [SkippedRecord]
    public var summary: SummaryRecord
    public var diff: String

    public struct WindowRecord: Codable, Sendable, Equatable {
        public var start: Double
        public var end: Double
    }

    public struct FindingRecord: Codable, Sendable, Equatable {
        public var id: String
        public var kind: String
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

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(document, forKey: .document)
            try container.encode(path, forKey: .path)
            try container.encode(field, forKey: .field)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        }
    }

    public struct ContainerRecord: Codable, Sendable, Equatable {
        public var workload: WorkloadReference
        public var container: String
    }

    public struct SkippedRecord: Codable, Sendable, Equatable {
        public var workload: WorkloadReference
        public var container: String
        public var reason: String
    }

    public struct SummaryRecord: Codable, Sendable, Equatable {
        public var findings: Int
        public var changes: Int
        public var files: Int
        public var unchanged: Int
        public var skipped: Int
    }
}

extension PlanDocument {
    /// The document for `plan`.
    public init(_ plan: Plan) {
        repository = plan.repository
        cluster = plan.cluster
        window = WindowRecord(start: plan.window.start, end: plan.window.end)
        findings = plan.findings.map { planned in
            FindingRecord(
                id: planned.finding.id, kind: planned.finding.kind.rawValue,
                workload: planned.finding.workload,
                container: planned.finding.container, evidence: planned.finding.evidence,
                changes: planned.changes.map {
                    ChangeRecord(
                        file: $0.file, document: $0.document, path: $0.path.description,
                        field: $0.field.rawValue,
                        from: $0.from, to: $0.to)
                })
        }
        unchanged = plan.unchanged.map { ContainerRecord(workload: $0.workload, container: $0.container) }
        skipped = plan.skipped.map {
            SkippedRecord(workload: $0.subject.workload, container: $0.subject.container, reason: $0.reason)
        }
        summary = SummaryRecord(
            findings: plan.findings.count, changes: plan.findings.reduce(0) { $0 + $1.changes.count },
            files: plan.fileEdits.count, unchanged: plan.unchanged.count, skipped: plan.skipped.count)
        diff = plan.diff
    }
}
