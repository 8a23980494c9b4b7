import Profiles

/// A container of a workload: what one profile describes.
struct ContainerKey: Hashable, Sendable, Comparable {
    var cluster: String
    var namespace: String
    var workload: WorkloadKey
    var container: String

    static func < (lhs: ContainerKey, rhs: ContainerKey) -> Bool {
        (lhs.cluster, lhs.namespace, lhs.workload.kind, lhs.workload.name, lhs.container)
            < (rhs.cluster, rhs.namespace, rhs.workload.kind, rhs.workload.name, rhs.container)
    }
}
