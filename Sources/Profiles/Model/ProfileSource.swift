/// Where a profiles file came from: enough to reproduce it.
///
/// Every field is optional, so that files written by other tools, or by hand, load too.
public struct ProfileSource: Codable, Sendable, Equatable {
    /// The tool and its version, e.g. `steward 0.1.0`.
    public var collector: String?
    /// The Prometheus base URL, without credentials.
    public var prometheus: String?
    /// The label that names the cluster, if any, and the cluster selected.
    public var clusterLabel: String?
    public var cluster: String?
    /// The evaluation step of the usage queries and the `rate` window, as Prometheus durations.
    public var step: String?
    public var rateWindow: String?
    /// Every distinct PromQL query sent; time-chunked queries appear once, with `[<chunk>]` ranges.
    public var queries: [String]?
    /// Warnings from the server (partial responses) and queries that failed; absent when none.
    public var warnings: [String]?

    public init(
        collector: String? = nil, prometheus: String? = nil, clusterLabel: String? = nil,
        cluster: String? = nil, step: String? = nil, rateWindow: String? = nil, queries: [String]? = nil,
        warnings: [String]? = nil
    ) {
        self.collector = collector
        self.prometheus = prometheus
        self.clusterLabel = clusterLabel
        self.cluster = cluster
        self.step = step
        self.rateWindow = rateWindow
        self.queries = queries
        self.warnings = warnings
    }
}
