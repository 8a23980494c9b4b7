import Kubernetes
import Profiles

/// Every knob of the recommender and the detectors, with the documented defaults
/// (`docs/analysis.md`). A policy may override any of them; the defaults are what Steward does
/// without one.
public struct RecommenderSettings: Sendable, Hashable {
    // MARK: CPU

    /// The percentile of the pooled CPU samples the request is sized from.
    public var cpuPercentile: CPUPercentile = .p95
    /// Added on top of the percentile, in percent.
    public var cpuMarginPercent: Double = 15
    /// The smallest CPU request Steward proposes, in millicores.
    public var minimumCPUMillicores: Int128 = 10
    /// What right-sizing does with the CPU limit.
    public var cpuLimit: CPULimitRule = .keep

    // MARK: Memory

    /// Added on top of the highest working set of any container instance, in percent.
    public var memoryMarginPercent: Double = 15
    /// The smallest memory request and limit Steward proposes, in bytes.
    public var minimumMemoryBytes: Int128 = 64 * Quantity.mebi
    /// After an OOM kill the limit grows to at least the limit at the kill plus this percentage…
    public var oomBumpPercent: Double = 20
    /// …and at least by this many bytes.
    public var oomMinimumBumpBytes: Int128 = 100 * Quantity.mebi

    // MARK: History

    /// Right-sizing needs at least this much sampled history, in seconds.
    public var minimumHistorySeconds: Double = 86_400
    /// Right-sizing needs the samples to cover at least this share of the span between the first
    /// and the last one (gaps mean missed scrapes). Jobs and CronJobs are exempt: they run apart.
    public var minimumCoverageDensity: Double = 0.75

    // MARK: Hysteresis

    /// A change smaller than this percentage of the current value is not proposed…
    public var hysteresisPercent: Double = 10
    /// …nor a CPU change smaller than this many millicores…
    public var hysteresisCPUMillicores: Int128 = 10
    /// …nor a memory change smaller than this many bytes.
    public var hysteresisMemoryBytes: Int128 = 16 * Quantity.mebi

    // MARK: Memory leaks

    /// A leak is reported when the working set would reach the limit within this many seconds.
    public var leakHorizonSeconds: Double = 7 * 86_400
    /// The least goodness of fit (R² of the Theil–Sen line) that counts as steady growth.
    public var leakMinimumFit: Double = 0.8
    /// The shortest stretch of series, between resets, that is fitted, in seconds.
    public var leakMinimumSpanSeconds: Double = 12 * 3600
    /// The least growth over that stretch, in percent of its fitted start.
    public var leakMinimumGrowthPercent: Double = 10
    /// A fall of the series by more than this percentage from one point to the next is a reset
    /// (a restart), which starts a new stretch.
    public var leakResetDropPercent: Double = 25

    // MARK: CPU throttling

    /// Throttled CFS periods over all periods above which a container is throttled
    /// (kubernetes-mixin's CPUThrottlingHigh: 25 %).
    public var throttlingThreshold: Double = 0.25
    /// The CPU usage counts as "at the limit" when its maximum reaches this share of the limit.
    public var throttlingUsageFraction: Double = 0.9
    /// What to propose for a throttled container at its limit.
    public var throttlingResponse: ThrottlingResponse = .raise
    /// A raised CPU limit grows by at least this percentage of the current one…
    public var throttlingBumpPercent: Double = 50
    /// …and by at least this many millicores.
    public var throttlingMinimumBumpMillicores: Int128 = 100

    // MARK: Regressions after a change

    /// A commit explains a rollout that started at most this many seconds after it (the sync
    /// interval of Argo CD or Flux, plus the rollout's start).
    public var rolloutDelaySeconds: Double = 1800
    /// An anomaly is blamed on a rollout when it began at most this many seconds after it.
    public var onsetSeconds: Double = 3600
    /// The quiet stretch before an onset that makes it an onset, in seconds (shorter at the
    /// window's start, but at least ``minimumBaselineSeconds``).
    public var baselineSeconds: Double = 86_400
    public var minimumBaselineSeconds: Double = 3600
    /// An incident is over when its anomaly (restarts, failing probes) has not been seen for
    /// this many seconds at the end of the window: sizing, held while it lasts, resumes.
    public var recoverySeconds: Double = 7200
    /// Restarts after the onset that make a crash loop.
    public var crashLoopRestarts: Int = 3
    /// A probe fails when the share of successful probes in a step falls below this.
    public var probeSuccessThreshold: Double = 0.9
    /// A certificate that a change made expire within this many seconds of `now` is a regression.
    public var certificateExpirySeconds: Double = 14 * 86_400

    public init() {}

    /// The CPU margin as a factor, e.g. 1.15.
    var cpuFactor: Double { 1 + cpuMarginPercent / 100 }
    /// The memory margin as a factor, e.g. 1.15.
    var memoryFactor: Double { 1 + memoryMarginPercent / 100 }
}

/// Which CPU percentile sizes the request.
public enum CPUPercentile: String, Sendable, Hashable, CaseIterable, Codable {
    case p50, p90, p95, p99, max

    /// The value of this percentile in `usage`.
    func value(in usage: CPUUsage) -> Double {
        switch self {
        case .p50: usage.p50
        case .p90: usage.p90
        case .p95: usage.p95
        case .p99: usage.p99
        case .max: usage.max
        }
    }
}

/// What right-sizing does with a container's CPU limit.
public enum CPULimitRule: Sendable, Hashable {
    /// Leave it as it is (the default): many teams run without CPU limits on purpose, and others
    /// set them for reasons usage does not show.
    case keep
    /// Remove it, so the container may use idle CPU of its node.
    case remove
    /// Set it to this multiple of the new request, but never below the highest CPU usage seen.
    case multipleOfRequest(Double)
}

/// What the throttling detector proposes.
public enum ThrottlingResponse: String, Sendable, Hashable, Codable {
    /// Raise the limit (the default).
    case raise
    /// Remove the limit.
    case remove
    /// Report the throttling and propose nothing.
    case report
}
