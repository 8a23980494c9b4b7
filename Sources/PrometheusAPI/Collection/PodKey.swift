/// A pod in a cluster.
struct PodKey: Hashable, Sendable {
    var cluster: String
    var namespace: String
    var pod: String
}
