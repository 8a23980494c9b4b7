/// Observed resource usage of one container of one workload over a window, pooled over all of the
/// workload's pods.
///
/// The field names are those of the profiles file (version 1, `docs/profiles.md`), so that other
/// tools can read what `steward profile collect` writes.
public struct UsageProfile: Codable, Sendable, Equatable {
    /// The cluster the workload runs in, from the configurable cluster label.
    public var cluster: String
    public var namespace: String
    public var workload: WorkloadKey
    /// The container name inside the pod template.
    public var container: String
    /// CPU usage in cores.
    public var cpu: CPUUsage?
    /// Memory working set in bytes.
    public var memory: MemoryUsage?
    /// The requests seen live in the cluster (cores, bytes), if known.
    public var requests: ResourceAmounts?
    /// The limits seen live in the cluster (cores, bytes), if known.
    public var limits: ResourceAmounts?
    /// OOM kills summed over the workload's pods in the window.
    public var oomKills: Int?
    /// Container restarts summed over the workload's pods in the window.
    public var restarts: Int?
    /// Throttled CFS periods divided by all CFS periods, 0...1.
    public var throttlingRatio: Double?
    /// A downsampled memory series, e.g. hourly maxima.
    public var memorySeries: Series?
    /// Container restarts in each step `(t − step, t]`, summed over pods: when a crash loop began.
    public var restartSeries: Series?
    /// OOM kills in each step `(t − step, t]`, summed over pods: when OOM kills began.
    public var oomKillSeries: Series?
    /// The memory limit in bytes of the container instances that were OOM-killed in the window,
    /// the largest if they differ: the usage the container reached when it was killed.
    public var oomKillLimit: Double?
    /// How much of the window the samples cover, so that later stages can refuse thin history.
    public var coverage: Coverage?
    /// When each ReplicaSet of the workload was created, oldest first (Deployments, Argo Rollouts).
    public var rollouts: [Rollout]?
    /// Samples of crash-looping pods, left out of ``cpu`` and ``memory``; absent when none were.
    public var excluded: ExcludedSamples?
    /// Why this profile must not be acted on, e.g. `no CPU samples in the window`; absent when
    /// the profile is usable. A missing number is left out, never made up.
    public var insufficient: [String]?

    public init(
        cluster: String, namespace: String, workload: WorkloadKey, container: String,
        cpu: CPUUsage? = nil, memory: MemoryUsage? = nil, requests: ResourceAmounts? = nil,
        limits: ResourceAmounts? = nil, oomKills: Int? = nil, restarts: Int? = nil,
        throttlingRatio: Double? = nil, memorySeries: Series? = nil, restartSeries: Series? = nil,
        oomKillSeries: Series? = nil, oomKillLimit: Double? = nil, coverage: Coverage? = nil,
        rollouts: [Rollout]? = nil, excluded: ExcludedSamples? = nil, insufficient: [String]? = nil
    ) {
        self.cluster = cluster
        self.namespace = namespace
        self.workload = workload
        self.container = container
        self.cpu = cpu
        self.memory = memory
        self.requests = requests
        self.limits = limits
        self.oomKills = oomKills
        self.restarts = restarts
        self.throttlingRatio = throttlingRatio
        self.memorySeries = memorySeries
        self.restartSeries = restartSeries
        self.oomKillSeries = oomKillSeries
        self.oomKillLimit = oomKillLimit
        self.coverage = coverage
        self.rollouts = rollouts
        self.excluded = excluded
        self.insufficient = insufficient
    }

    /// Whether later stages may act on this profile.
    public var isSufficient: Bool { insufficient?.isEmpty ?? true }
}

/// Identifies a workload by its controller kind and name, e.g. `Deployment/web`.
public struct WorkloadKey: Codable, Sendable, Hashable {
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// CPU usage percentiles in cores.
public struct CPUUsage: Codable, Sendable, Equatable {
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var p99: Double
    public var max: Double
    public var samples: Int

    public init(p50: Double, p90: Double, p95: Double, p99: Double, max: Double, samples: Int) {
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.samples = samples
    }
}

/// Memory working-set percentiles in bytes.
public struct MemoryUsage: Codable, Sendable, Equatable {
    public var p50: Double
    public var p95: Double
    public var max: Double
    public var samples: Int

    public init(p50: Double, p95: Double, max: Double, samples: Int) {
        self.p50 = p50
        self.p95 = p95
        self.max = max
        self.samples = samples
    }
}

/// CPU in cores and memory in bytes, as requests or limits.
public struct ResourceAmounts: Codable, Sendable, Equatable {
    public var cpu: Double?
    public var memory: Double?

    public init(cpu: Double? = nil, memory: Double? = nil) {
        self.cpu = cpu
        self.memory = memory
    }
}

/// A regularly sampled series: `values` holds `[unix seconds, value]` pairs.
public struct Series: Codable, Sendable, Equatable {
    /// The step between points as a Prometheus duration, e.g. `1h`.
    public var step: String
    public var values: [[Double]]

    public init(step: String, values: [[Double]]) {
        self.step = step
        self.values = values
    }

    /// The points as `(time, value)`, skipping malformed entries (fewer than two numbers).
    public var points: [(time: Double, value: Double)] {
        values.compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil }
    }
}
