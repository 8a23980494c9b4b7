/// What a correct collector reports for one workload container over a window, computed from
/// the generator's model. Percentiles use linear interpolation between closest ranks.
public struct ExpectedProfile: Sendable, Equatable {
    public var cluster: String
    public var namespace: String
    public var kind: String
    public var name: String
    public var container: String
    /// CPU cores (rate over two scrape intervals at each scrape): p50, p90, p95, p99, max; nil
    /// without samples.
    public var cpu: [Double]?
    public var cpuSamples: Int
    /// Working-set bytes: p50, p95 of the samples at the scrapes, and the max of every sample,
    /// spikes between scrapes included; nil without samples.
    public var memory: [Double]?
    public var memorySamples: Int
    public var restarts: Int
    /// OOM kills; nil where a container restarted and kube-state-metrics gave no reasons
    /// (``ClusterHistory/terminatedReasons``), so that no one can tell.
    public var oomKills: Int?
    /// The requests and limits of the pods alive at the window's end (the largest if they differ).
    public var requests: ClusterHistory.Resources
    public var limits: ClusterHistory.Resources
    /// Throttled over all CFS periods in the window; nil without a CPU limit.
    public var throttlingRatio: Double?
    /// `(ReplicaSet, created)` oldest first, for Deployments.
    public var rollouts: [(String, Int64)]
    /// Restarts and OOM kills per step `(t − step, t]` as `[t, count]`: the window's first and
    /// last step and every step with a count; nil when there were none in the window.
    public var restartSeries: [[Double]]?
    public var oomKillSeries: [[Double]]?
    /// The largest memory limit of the pods OOM-killed in the window; nil without kills.
    public var oomKillLimit: Double?

    public static func == (lhs: ExpectedProfile, rhs: ExpectedProfile) -> Bool {
        lhs.cluster == rhs.cluster && lhs.namespace == rhs.namespace && lhs.kind == rhs.kind
            && lhs.name == rhs.name && lhs.container == rhs.container && lhs.cpu == rhs.cpu
            && lhs.memory == rhs.memory && lhs.restarts == rhs.restarts && lhs.oomKills == rhs.oomKills
            && lhs.requests == rhs.requests && lhs.limits == rhs.limits
            && lhs.throttlingRatio == rhs.throttlingRatio
            && lhs.rollouts.map(\.0) == rhs.rollouts.map(\.0)
            && lhs.rollouts.map(\.1) == rhs.rollouts.map(\.1)
            && lhs.restartSeries == rhs.restartSeries && lhs.oomKillSeries == rhs.oomKillSeries
            && lhs.oomKillLimit == rhs.oomKillLimit
    }
}
