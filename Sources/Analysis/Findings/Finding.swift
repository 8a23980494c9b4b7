import Kubernetes

/// Something Analysis found about one container, with the evidence behind it and the changes it
/// proposes. Deterministic: the same inputs give the same finding, id included.
public struct Finding: Sendable, Hashable {
    /// Stable across runs for the same subject: `<kind>/<cluster>/<namespace>/<Kind>/<name>/<container>`.
    public var id: String
    public var kind: FindingKind
    public var workload: WorkloadReference
    public var container: String
    public var evidence: Evidence
    /// The proposed values, one per resource field that changes; empty for a finding only.
    public var proposals: [ResourceProposal]

    public init(
        kind: FindingKind, workload: WorkloadReference, container: String, evidence: Evidence,
        proposals: [ResourceProposal]
    ) {
        self.id = [
            kind.rawValue, workload.cluster, workload.namespace, workload.kind, workload.name, container,
        ].joined(separator: "/")
        self.kind = kind
        self.workload = workload
        self.container = container
        self.evidence = evidence
        self.proposals = proposals
    }
}

/// What a finding is about.
public enum FindingKind: String, Codable, Sendable, Hashable {
    /// Requests and limits sized from observed usage.
    case rightsize
    /// A regression that began right after a Git change; the answer is a revert of that commit.
    case revert
}

/// A new value for one resource field; `from` is nil when the manifest does not set the field.
public struct ResourceProposal: Sendable, Hashable {
    public var field: ResourceField
    public var from: Quantity?
    public var to: Quantity

    public init(field: ResourceField, from: Quantity?, to: Quantity) {
        self.field = field
        self.from = from
        self.to = to
    }
}
