/// One ReplicaSet of a workload and when it was created: a rollout, to tie an anomaly to a change.
public struct Rollout: Codable, Sendable, Equatable {
    public var replicaSet: String
    /// Creation time, unix seconds (`kube_replicaset_created`).
    public var created: Double

    public init(replicaSet: String, created: Double) {
        self.replicaSet = replicaSet
        self.created = created
    }
}
