/// A container of one pod: what one cAdvisor or kube-state-metrics series describes, restarts
/// and duplicate scrapes aside.
struct PodContainerKey: Hashable, Sendable {
    var pod: PodKey
    var container: String
}
