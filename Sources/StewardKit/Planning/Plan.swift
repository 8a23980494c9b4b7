import Analysis
import Kubernetes
import Telemetry
import YAMLSyntax

/// The outcome of planning: what Steward found, which edits it would make, and the diff.
public struct Plan: Sendable {
    /// The repository that was planned, as given.
    public var repository: String
    public var cluster: String
    public var window: Window
    /// Findings in a stable order (workload, then container), each with its edits.
    public var findings: [PlannedFinding]
    /// Containers that have a profile and whose values already match the recommendation.
    public var unchanged: [ContainerSubject]
    /// Containers Steward did not size, with the reason.
    public var skipped: [SkippedContainer]
    /// The files as they are and as the plan would write them.
    public var fileEdits: [FileEdit]
    /// A unified diff of every file edit, with `a/` and `b/` prefixes, for `git apply` at the root.
    public var diff: String

    /// True when the plan would change at least one file.
    public var proposesChanges: Bool { !fileEdits.isEmpty }
}

/// A finding and where its proposals are written.
public struct PlannedFinding: Sendable {
    public var finding: Finding
    public var changes: [PlannedChange]
}

/// One field edit: the file, the document, the YAML path, and the old and new text.
public struct PlannedChange: Sendable, Hashable {
    public var file: String
    public var document: Int
    public var path: YAMLPath
    public var field: ResourceField
    public var from: String?
    public var to: String
}

/// A container by workload and name, as reports list it.
public struct ContainerSubject: Sendable, Hashable {
    public var workload: WorkloadReference
    public var container: String
}

/// A container Steward did not size, and why.
public struct SkippedContainer: Sendable, Hashable {
    public var subject: ContainerSubject
    public var reason: String
}

/// A file before and after the plan's edits.
public struct FileEdit: Sendable {
    public var path: String
    public var before: [UInt8]
    public var after: [UInt8]
}
