/// What a plan saves: the CPU and memory its workloads request, before and after the changes
/// the policy permits, each container counted once per replica (`spec.replicas`, 1 when the
/// manifest leaves it out, and for DaemonSets, Jobs and CronJobs).
public struct Savings: Sendable, Hashable {
    /// Cores requested.
    public var cpuBefore: Double
    public var cpuAfter: Double
    /// Bytes requested.
    public var memoryBefore: Double
    public var memoryAfter: Double
    /// Containers counted (every container of every workload of the planned cluster).
    public var containers: Int

    public init(
        cpuBefore: Double, cpuAfter: Double, memoryBefore: Double, memoryAfter: Double, containers: Int
    ) {
        self.cpuBefore = cpuBefore
        self.cpuAfter = cpuAfter
        self.memoryBefore = memoryBefore
        self.memoryAfter = memoryAfter
        self.containers = containers
    }

    /// How the totals count: the text reports and the JSON both say it.
    public static let basis = "requests × spec.replicas (1 when unset, and for DaemonSets, Jobs and CronJobs)"
}
