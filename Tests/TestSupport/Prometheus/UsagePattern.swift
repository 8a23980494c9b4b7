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
    /// No cAdvisor series at all (a pod stuck pending, or a node whose kubelet is not scraped);
    /// kube-state-metrics still knows the pod.
    case noSamples
}
