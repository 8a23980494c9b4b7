import Profiles

/// What `steward profile collect` asks Prometheus for.
public struct CollectionOptions: Sendable, Equatable {
    /// How far back the profiles look.
    public var window: PrometheusDuration
    /// The evaluation step of the usage queries: one CPU and one memory sample per step and pod.
    public var step: PrometheusDuration
    /// The window's end, unix seconds; nil for now, rounded down to a multiple of ``step`` so that
    /// runs are reproducible and a caching query frontend (Thanos, Mimir) can reuse results.
    public var end: Double?
    /// The label that tells clusters apart in a shared Prometheus (Thanos, Mimir), e.g. `cluster`.
    public var clusterLabel: String?
    /// The cluster to select (with ``clusterLabel``) or to name the profiles after (without it).
    public var cluster: String?
    /// The `rate` window for CPU; nil for twice the step, at least 1m, so that every window holds
    /// at least two scrapes.
    public var rateWindow: PrometheusDuration?
    /// Evaluation steps per range query: a query returns at most this many points per series,
    /// which bounds the samples it holds far below Prometheus' `--query.max-samples`.
    public var pointsPerQuery: Int
    /// Queries in flight at once.
    public var concurrency: Int
    /// Ask Prometheus for `stats=all` and record the samples each query touched.
    public var recordStatistics: Bool
    /// The tool's name and version, written to the file's `source.collector`.
    public var collector: String

    public init(
        window: PrometheusDuration = PrometheusDuration.seconds(7 * 86_400),
        step: PrometheusDuration = PrometheusDuration.seconds(300), end: Double? = nil,
        clusterLabel: String? = nil, cluster: String? = nil, rateWindow: PrometheusDuration? = nil,
        pointsPerQuery: Int = 288, concurrency: Int = 2, recordStatistics: Bool = false,
        collector: String = "steward"
    ) {
        self.window = window
        self.step = step
        self.end = end
        self.clusterLabel = clusterLabel
        self.cluster = cluster
        self.rateWindow = rateWindow
        self.pointsPerQuery = max(1, pointsPerQuery)
        self.concurrency = max(1, concurrency)
        self.recordStatistics = recordStatistics
        self.collector = collector
    }

    /// The CPU `rate` window in effect.
    public var effectiveRateWindow: PrometheusDuration {
        rateWindow ?? max(PrometheusDuration(milliseconds: step.milliseconds * 2), .seconds(60))
    }

    /// The cluster name written into profiles whose series carry no cluster label.
    var defaultClusterName: String { cluster ?? "default" }
}
