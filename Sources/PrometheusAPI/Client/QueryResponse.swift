/// A successful answer of `/api/v1/query` or `/api/v1/query_range`.
public struct QueryResponse: Sendable {
    public var data: QueryData
    /// Warnings the server attached, e.g. Thanos' partial responses when a store is down.
    public var warnings: [String]
    /// Query statistics, present when asked for with `stats=all`.
    public var statistics: QueryStatistics?

    public init(data: QueryData, warnings: [String] = [], statistics: QueryStatistics? = nil) {
        self.data = data
        self.warnings = warnings
        self.statistics = statistics
    }
}

/// The `data.result` of a query, by `data.resultType`.
public enum QueryData: Sendable {
    /// One sample per series at the evaluation time.
    case vector([InstantSample])
    /// Many samples per series: a range query, or an instant query of a range selector.
    case matrix([RangeSeries])
    case scalar(time: Double, value: Double)
    case string(time: Double, value: String)

    /// The resultType as Prometheus names it.
    public var resultType: String {
        switch self {
        case .vector: return "vector"
        case .matrix: return "matrix"
        case .scalar: return "scalar"
        case .string: return "string"
        }
    }
}

/// A series' labels and its value at one time.
public struct InstantSample: Sendable, Equatable {
    public var labels: [String: String]
    public var time: Double
    public var value: Double

    public init(labels: [String: String], time: Double, value: Double) {
        self.labels = labels
        self.time = time
        self.value = value
    }
}

/// A series' labels and its samples, oldest first; `times` in unix seconds.
///
/// Two parallel arrays rather than an array of pairs: a cluster-wide range query returns millions
/// of points, and this halves the bookkeeping per point.
public struct RangeSeries: Sendable, Equatable {
    public var labels: [String: String]
    public var times: [Double]
    public var values: [Double]

    public init(labels: [String: String], times: [Double], values: [Double]) {
        self.labels = labels
        self.times = times
        self.values = values
    }
}

/// What Prometheus reports with `stats=all`: how many samples a query touched.
public struct QueryStatistics: Sendable, Equatable {
    /// The most samples held in memory at once; `--query.max-samples` (50 M by default) limits it.
    public var peakSamples: Int
    /// All samples read from storage.
    public var totalQueryableSamples: Int

    public init(peakSamples: Int, totalQueryableSamples: Int) {
        self.peakSamples = peakSamples
        self.totalQueryableSamples = totalQueryableSamples
    }
}
