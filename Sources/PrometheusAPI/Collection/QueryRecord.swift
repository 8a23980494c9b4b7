/// One query a collection sent, for the log, the benchmark and the audit trail.
public struct QueryRecord: Sendable, Equatable {
    public var query: String
    /// `query` or `query_range`.
    public var endpoint: String
    public var seconds: Double
    /// Series and points returned.
    public var series: Int
    public var points: Int
    /// With ``CollectionOptions/recordStatistics``: Prometheus' own count.
    public var statistics: QueryStatistics?
    /// The failure, after retries, if the query failed.
    public var error: PrometheusError?
}
