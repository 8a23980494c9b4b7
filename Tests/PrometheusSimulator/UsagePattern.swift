/// How a generated container uses CPU (cores) and memory (bytes) over time.
public enum UsagePattern: Sendable, Hashable {
    /// Flat usage with ±10% CPU and ±3% memory noise.
    case steady(cpu: Double, memory: Double)
    /// A daily sine between the lows and highs, peaking at 06:00 UTC.
    case dailyCycle(cpuLow: Double, cpuHigh: Double, memoryLow: Double, memoryHigh: Double)
    /// Memory that grows by `bytesPerHour` from `memory` since the container started, forever.
    case memoryLeak(cpu: Double, memory: Double, bytesPerHour: Double)
    /// Memory that grows until it reaches the memory limit: the container is OOM-killed and
    /// restarts (new cAdvisor series, counters back to 0, `restarts` + 1, last reason OOMKilled).
    case oomLoop(cpu: Double, memory: Double, bytesPerHour: Double)
    /// CPU mostly at `base`, and in about one step in eight at the CPU limit, heavily throttled.
    case spiky(base: Double, memory: Double)
    /// Flat usage like ``steady(cpu:memory:)`` until `from` (unix seconds); from then on, and
    /// before `until` if set, the container exits every `every` seconds and restarts (new cAdvisor
    /// series, counters back to 0, `restarts` + 1, last reason `Error`, or `OOMKilled` when
    /// `outOfMemory`, a new version killed at its limit as it starts): a crash loop. The times are
    /// multiples of the scrape interval.
    case crashLoop(
        cpu: Double, memory: Double, from: Int64, every: Int64, until: Int64? = nil, outOfMemory: Bool = false
    )
    /// No cAdvisor series at all (a pod stuck pending, or a node whose kubelet is not scraped);
    /// kube-state-metrics still knows the pod.
    case noSamples
    /// Flat usage without noise: a one-shot task such as an init container's. A container that
    /// runs for a few scrapes has a handful of CPU samples, two of which Prometheus extrapolates
    /// at its start and end (half the rate, then the rate one step late); flat usage keeps those
    /// from moving its percentiles, so they still compare within 1%.
    case task(cpu: Double, memory: Double)
}
