/// A deterministic, generated history of a Kubernetes cluster as Prometheus would have scraped
/// it from cAdvisor and kube-state-metrics: the test data of `steward profile collect`.
///
/// The same configuration always yields the same series, byte for byte. Use it in three steps:
///
/// ```swift
/// let history = ClusterHistory.fixture()                    // or .benchmark(pods: 2000, days: 7)
/// let server = try await PrometheusServer.start(history: history)   // backfills once, cached
/// let expected = history.expectedProfiles(windowStart: history.end - 86_400, windowEnd: history.end)
/// ```
///
/// ``expectedProfiles(windowStart:windowEnd:)`` computes what a correct collector reports from
/// the generator's own model (true usage), not from Prometheus, so comparing the two tests the
/// queries and the statistics. Near a container's start or end Prometheus' `rate` extrapolates;
/// those few points are why CPU percentiles are compared within 1% rather than exactly.
public struct ClusterHistory: Sendable {
    /// CPU in cores and memory in bytes; nil when not set.
    public struct Resources: Sendable, Hashable {
        public var cpu: Double?
        public var memory: Double?

        public init(cpu: Double? = nil, memory: Double? = nil) {
            self.cpu = cpu
            self.memory = memory
        }
    }

    /// A container of a pod template.
    public struct ContainerSpec: Sendable, Hashable {
        /// Where the pod template lists the container, and so how long it runs.
        public enum Role: Sendable, Hashable {
            /// In `containers`: runs as long as the pod.
            case container
            /// In `initContainers`: runs for `seconds` after each pod start, then completes, so
            /// its cAdvisor series ends; kube-state-metrics keeps reporting it (as
            /// `kube_pod_init_container_*`) for the pod's life.
            case initContainer(runsFor: Int64)
            /// In `initContainers` with `restartPolicy: Always` (a native sidecar): runs as long as
            /// the pod, reported by kube-state-metrics as an init container.
            case nativeSidecar
        }

        public var name: String
        public var pattern: UsagePattern
        public var requests: Resources
        public var limits: Resources
        public var role: Role
        /// Bursts of working set between scrapes, in every pod with this container.
        public var memorySpikes: [MemorySpike]

        public init(
            name: String, pattern: UsagePattern, requests: Resources, limits: Resources,
            role: Role = .container, memorySpikes: [MemorySpike] = []
        ) {
            self.name = name
            self.pattern = pattern
            self.requests = requests
            self.limits = limits
            self.role = role
            self.memorySpikes = memorySpikes
        }

        /// When the container of `pod` stops: with the pod, or an init container's run after it.
        func end(in pod: Pod) -> Int64 {
            if case .initContainer(let seconds) = role {
                return min(pod.death, pod.birth + seconds)
            }
            return pod.death
        }

        /// The prefix of its kube-state-metrics series: init containers have their own.
        var kubeStateMetricsPrefix: String {
            if case .container = role { return "kube_pod_container" }
            return "kube_pod_init_container"
        }
    }

    /// A ReplicaSet of a Deployment: one revision of its pod template.
    public struct ReplicaSet: Sendable, Hashable {
        public var name: String
        /// Unix seconds, as `kube_replicaset_created` reports it.
        public var created: Int64
    }

    /// A pod: alive from `birth` (inclusive) to `death` (exclusive), unix seconds.
    public struct Pod: Sendable, Hashable {
        public var name: String
        public var uid: String
        /// The pod's owner as `kube_pod_owner` names it: a ReplicaSet, StatefulSet or DaemonSet.
        public var ownerKind: String
        public var ownerName: String
        public var birth: Int64
        public var death: Int64
        public var containers: [ContainerSpec]
        /// A number unique in the history, for noise and OOM phases.
        public var index: Int
    }

    /// A workload and all of its pods over the history.
    public struct Workload: Sendable, Hashable {
        public var cluster: String
        public var namespace: String
        public var kind: String
        public var name: String
        public var replicaSets: [ReplicaSet]
        public var pods: [Pod]
        /// The Jobs of a CronJob, which own its pods.
        public var jobs: [String] = []
    }

    /// The first and the last scrape, unix seconds; samples every ``interval`` in between.
    public let start: Int64
    public let end: Int64
    public let interval: Int64
    public let noise: DeterministicNoise
    /// The label that names the cluster on every series, if any.
    public let clusterLabel: String?
    /// Whether to write cAdvisor's pod-level series too (no `container` label), which a
    /// collector must filter out.
    public let podLevelSeries: Bool
    public let workloads: [Workload]
    /// Blackbox probes of target URLs.
    public let probes: [BlackboxProbe]
    /// Whether kube-state-metrics reports `…_status_last_terminated_reason`; some setups drop it
    /// (`--metric-denylist`), and then a restart's reason is unknown.
    public let terminatedReasons: Bool

    public init(
        start: Int64, end: Int64, interval: Int64 = 300, seed: UInt64, clusterLabel: String?,
        podLevelSeries: Bool, workloads: [Workload], probes: [BlackboxProbe] = [],
        terminatedReasons: Bool = true
    ) {
        precondition(start % interval == 0 && end % interval == 0 && end > start)
        self.start = start
        self.end = end
        self.interval = interval
        self.noise = DeterministicNoise(seed: seed)
        self.clusterLabel = clusterLabel
        self.podLevelSeries = podLevelSeries
        self.workloads = workloads
        self.probes = probes
        self.terminatedReasons = terminatedReasons
    }

    /// Scrape times, `start...end`.
    public var stepCount: Int { Int((end - start) / interval) + 1 }

    public func time(ofStep step: Int) -> Int64 { start + Int64(step) * interval }

    /// Every container series the history holds, for counting.
    public var containerCount: Int {
        workloads.reduce(0) { sum, workload in
            sum + workload.pods.reduce(0) { $0 + $1.containers.count }
        }
    }

    /// A fingerprint of everything that shapes the data, to name a cached TSDB directory.
    public var fingerprint: String {
        var hasher = FNV1a()
        hasher.add(
            "v5 \(start) \(end) \(interval) \(noise.seed) \(clusterLabel ?? "-") \(podLevelSeries) \(terminatedReasons)"
        )
        for workload in workloads {
            hasher.add("\(workload)")
        }
        for probe in probes {
            hasher.add("\(probe)")
        }
        return String(hasher.value, radix: 16)
    }
}

/// FNV-1a, 64 bits: a stable hash (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }
}
