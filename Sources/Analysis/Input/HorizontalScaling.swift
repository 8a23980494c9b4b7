/// A HorizontalPodAutoscaler found in the repository for a workload, as the recommender needs it:
/// which resources it scales on by utilisation (a percentage of the request).
///
/// Changing such a request moves the autoscaler's target: shrink a CPU request and the same
/// usage reads as higher utilisation, the autoscaler adds pods, the per-pod usage drops, and the
/// next run shrinks the request again (krr#80). So the recommender leaves those requests alone.
public struct HorizontalScaling: Sendable, Hashable {
    /// The autoscaler's name.
    public var name: String
    /// Target average utilisation in percent of the request, by resource (`cpu`, `memory`).
    public var utilization: [String: Int]

    public init(name: String, utilization: [String: Int]) {
        self.name = name
        self.utilization = utilization
    }
}
