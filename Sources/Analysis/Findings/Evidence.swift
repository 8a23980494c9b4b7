import Profiles

/// The numbers a finding was computed from, so that an auditor can recompute it: the inputs
/// from the profile, each calculation with its formula, and what was held back and why.
///
/// Every field but the rule and the window is optional: a number the profile did not have is
/// absent, never zero. Fields are only added, never renamed (the plan JSON embeds this record).
public struct Evidence: Codable, Sendable, Hashable {
    /// The rule that turned the numbers into proposals, in words.
    public var rule: String
    /// The observation window, unix seconds.
    public var windowStart: Double
    public var windowEnd: Double
    /// 95th percentile of CPU usage, cores.
    public var cpuP95: Double?
    public var cpuSamples: Int?
    /// Highest memory working set of any pod, bytes.
    public var memoryMax: Double?
    public var memorySamples: Int?
    /// Samples of crash loops the profile left out of the numbers above.
    public var excludedSamples: ExcludedSamples?
    /// The CPU percentile the request was sized from (`p95`), and its value in cores.
    public var cpuPercentile: String?
    public var cpuUsage: Double?
    /// The highest CPU usage of any pod, cores.
    public var cpuMax: Double?
    /// Seconds of sampled history, and the share of the span between first and last sample
    /// that the samples cover.
    public var historySeconds: Double?
    public var coverageDensity: Double?
    /// OOM kills and restarts in the window, summed over pods.
    public var oomKills: Int?
    public var restarts: Int?
    /// The memory limit at the OOM kills, bytes, and where that number came from.
    public var oomKillLimit: Double?
    public var oomKillLimitSource: String?
    /// Throttled CFS periods over all periods, and the CPU limit it was measured against (cores).
    public var throttlingRatio: Double?
    public var cpuLimit: Double?
    /// Each number Steward derived, with its formula: what an auditor recomputes.
    public var calculations: [Calculation]?
    /// Fields left alone on purpose, and why (an autoscaler scales on the request, a leak).
    public var held: [String]?
    /// Fields left alone because the change would be too small to be worth a pull request.
    public var withinHysteresis: [String]?
    /// The trend fit of a suspected leak.
    public var leak: LeakEvidence?
    /// The onset, rollout and commits of a regression.
    public var regression: RegressionEvidence?
    /// The memory series replayed against the proposed limit.
    public var replay: ReplayEvidence?
    /// The PromQL queries of the profiles file that produced the numbers used.
    public var queries: [String]?
    /// The recommender settings the policy set for the workload, `knob: value (origin)`, e.g.
    /// `cpuPercentile: p99 (spec.recommender)`; absent when it set none and the defaults applied.
    public var settings: [String]?
}

/// One derived number: the field it is for, the formula with the numbers filled in, the result.
public struct Calculation: Codable, Sendable, Hashable {
    /// `requests.cpu`, `limits.memory`, or a name such as `oom base` for an intermediate number.
    public var field: String
    /// E.g. `p95 0.156 cores × 1.15 = 0.1794 cores, up to a 5m step`.
    public var formula: String
    /// The quantity as written, e.g. `180m`; `removed` for a removal.
    public var result: String

    public init(field: String, formula: String, result: String) {
        self.field = field
        self.formula = formula
        self.result = result
    }
}

/// The Theil–Sen fit of the stretch of the memory series that made a leak suspected.
public struct LeakEvidence: Codable, Sendable, Hashable {
    /// Growth in bytes per hour (the median of the slopes between every two points).
    public var slopeBytesPerHour: Double
    /// The fitted working set at ``end``, bytes.
    public var fittedAtEnd: Double
    /// Goodness of fit of the line, 1 − residual / total sum of squares.
    public var rSquared: Double
    /// The stretch fitted: its first and last point (unix s) and how many points it has.
    public var start: Double
    public var end: Double
    public var points: Int
    /// The limit the projection runs into (bytes) and which field it is.
    public var limit: Double?
    public var limitField: String?
    /// Seconds from ``end`` until the fitted line reaches the limit; nil without a limit.
    public var secondsToLimit: Double?
    public var horizonSeconds: Double
}

/// What began, when, what was rolled out just before, and the commits that could explain it.
public struct RegressionEvidence: Codable, Sendable, Hashable {
    /// The anomalies, each with its numbers before and after the onset.
    public var anomalies: [Anomaly]
    /// The rollout (ReplicaSet and creation time) or certificate change the anomaly followed; for
    /// an Ingress that routes to no workload, also a commit to the Ingress.
    public var rollout: String?
    public var rolloutTime: Double?
    /// Every commit that touched the workload (or Ingress) or its TLS resources shortly before
    /// that rollout.
    public var candidates: [ManifestCommit]
    /// What dated the commits: `commit time`, or `deployedAt of Argo CD Application <name>`
    /// (whose history also dropped the commits it never deployed).
    public var dating: String?
}

/// The memory series of the window replayed against the proposed memory limit.
public struct ReplayEvidence: Codable, Sendable, Hashable {
    /// The limit replayed against, bytes.
    public var limit: Double
    /// Points of the series (and the profile's peak) replayed.
    public var points: Int
    /// Points at or above the limit, plus the observed OOM kills when the limit is not above
    /// the limit they happened at: zero for every proposal Steward makes.
    public var wouldBeOOMKills: Int

    public init(limit: Double, points: Int, wouldBeOOMKills: Int) {
        self.limit = limit
        self.points = points
        self.wouldBeOOMKills = wouldBeOOMKills
    }
}
