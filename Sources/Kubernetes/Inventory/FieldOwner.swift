/// The container field a location defines, for one target that reads it.
public struct FieldOwner: Sendable, Hashable, CustomStringConvertible {
    /// The target's name.
    public var target: String
    /// The target's cluster, nil for the cluster Steward runs for.
    public var cluster: String?
    public var namespace: String
    public var kind: String
    public var name: String
    public var container: String
    public var field: ResourceField

    /// The workload, in the target's cluster or `defaultCluster`.
    public func workload(defaultCluster: String) -> WorkloadReference {
        WorkloadReference(cluster: cluster ?? defaultCluster, namespace: namespace, kind: kind, name: name)
    }

    /// `target: namespace/Kind/name container field`.
    public var description: String {
        "\(target): \(namespace)/\(kind)/\(name) container \(container) \(field.rawValue)"
    }
}
