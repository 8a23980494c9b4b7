import Kubernetes

/// A workload as the policy sees it: where it runs, and the labels and annotations its manifest
/// gives it.
public struct PolicySubject: Sendable, Hashable {
    public var workload: WorkloadReference
    public var labels: [String: String]
    public var annotations: [String: String]

    public init(
        workload: WorkloadReference, labels: [String: String] = [:], annotations: [String: String] = [:]
    ) {
        self.workload = workload
        self.labels = labels
        self.annotations = annotations
    }

    /// The subject of a scanned workload in `cluster`.
    public init(_ workload: Workload, cluster: String) {
        self.init(
            workload: workload.reference(cluster: cluster), labels: workload.labels,
            annotations: workload.annotations)
    }
}
