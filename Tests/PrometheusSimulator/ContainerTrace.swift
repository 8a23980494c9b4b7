/// The simulated life of one container of one pod, one entry per scrape of the history.
///
/// Entries where ``alive`` is false hold no sample. An OOM kill starts a new ``instance``: a new
/// cAdvisor series whose counters start again from 0.
public struct ContainerTrace: Sendable {
    public var alive: [Bool]
    /// The container instance (0, 1, … after each restart).
    public var instance: [Int]
    /// CPU seconds consumed by the instance, as `container_cpu_usage_seconds_total`.
    public var cpuSeconds: [Double]
    /// Mean cores used over the scrape interval ending at each scrape.
    public var cpuCores: [Double]
    /// Working-set bytes, as `container_memory_working_set_bytes`.
    public var memory: [Double]
    /// The pod's restart count for this container, as kube-state-metrics reports it.
    public var restarts: [Int]
    /// Whether the container's last termination was an OOM kill.
    public var lastTerminatedOOM: [Bool]
    /// Whether the container's last termination was an exit with an error (a crash loop).
    public var lastTerminatedError: [Bool]
    /// CFS periods and throttled periods of the instance; zero without a CPU limit.
    public var periods: [Double]
    public var throttled: [Double]

    init(count: Int) {
        alive = Array(repeating: false, count: count)
        instance = Array(repeating: 0, count: count)
        cpuSeconds = Array(repeating: 0, count: count)
        cpuCores = Array(repeating: 0, count: count)
        memory = Array(repeating: 0, count: count)
        restarts = Array(repeating: 0, count: count)
        lastTerminatedOOM = Array(repeating: false, count: count)
        lastTerminatedError = Array(repeating: false, count: count)
        periods = Array(repeating: 0, count: count)
        throttled = Array(repeating: 0, count: count)
    }
}
