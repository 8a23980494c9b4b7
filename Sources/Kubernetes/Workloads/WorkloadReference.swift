/// Names a workload in a cluster: where it runs and which controller owns its pods.
public struct WorkloadReference: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cluster: String
    public var namespace: String
    /// The controller kind, e.g. `Deployment` or `StatefulSet`.
    public var kind: String
    public var name: String

    public init(cluster: String, namespace: String, kind: String, name: String) {
        self.cluster = cluster
        self.namespace = namespace
        self.kind = kind
        self.name = name
    }

    /// `namespace/Kind/name`, as reports show it.
    public var description: String { "\(namespace)/\(kind)/\(name)" }

    public static func < (lhs: WorkloadReference, rhs: WorkloadReference) -> Bool {
        (lhs.cluster, lhs.namespace, lhs.kind, lhs.name) < (rhs.cluster, rhs.namespace, rhs.kind, rhs.name)
    }
}
