import Kubernetes

/// Something Analysis found about one container, with the evidence behind it and the changes it
/// proposes. Deterministic: the same inputs give the same finding, id included.
public struct Finding: Sendable, Hashable {
    /// Stable across runs for the same subject: `<kind>/<cluster>/<namespace>/<Kind>/<name>/<container>`,
    /// then `#<incident>` for a finding about one incident of several a container may have (the
    /// trigger that began it: `rollout-web-7d9f8c6b5`, `certificate-3f2a9c01b4de`).
    public var id: String
    public var kind: FindingKind
    public var workload: WorkloadReference
    public var container: String
    /// One line for a human, e.g. `leak suspected: +8 MiB/h, reaches the limit 2Gi in 3.4 days`.
    public var summary: String
    public var priority: Priority
    public var confidence: Confidence
    public var evidence: Evidence
    /// The proposed values, one per resource field that changes; empty for a finding only.
    public var proposals: [ResourceProposal]
    /// The commit to revert (a `git revert`, applied by the publisher), for a regression blamed
    /// on exactly one commit.
    public var revert: ManifestCommit?

    public init(
        kind: FindingKind, workload: WorkloadReference, container: String, summary: String = "",
        priority: Priority = .low, confidence: Confidence = .observed("observed"), evidence: Evidence,
        proposals: [ResourceProposal] = [], revert: ManifestCommit? = nil, incident: String? = nil
    ) {
        self.id = Self.id(kind: kind, workload: workload, container: container, incident: incident)
        self.kind = kind
        self.workload = workload
        self.container = container
        self.summary = summary
        self.priority = priority
        self.confidence = confidence
        self.evidence = evidence
        self.proposals = proposals
        self.revert = revert
    }

    /// The id of a finding of `kind` about `container`, as ``id`` describes it.
    public static func id(
        kind: FindingKind, workload: WorkloadReference, container: String, incident: String? = nil
    ) -> String {
        [kind.rawValue, workload.cluster, workload.namespace, workload.kind, workload.name, container]
            .joined(separator: "/") + (incident.map { "#\($0)" } ?? "")
    }

    /// The ``container`` of a finding about an object without containers (an Ingress that routes
    /// to no workload): `-`, so that its id has the parts of every other finding's.
    public static let noContainer = "-"

    /// Whether the finding proposes anything: a field change or a revert.
    public var proposesChange: Bool { !proposals.isEmpty || revert != nil }
}
