/// What a plan saves: the CPU and memory its workloads request, before and after the changes
/// the policy permits, each container counted once per replica (`spec.replicas`, 1 when the
/// manifest leaves it out, and for DaemonSets, Jobs and CronJobs).
package struct Savings: Sendable, Hashable {
    /// Cores requested.
    package var cpuBefore: Double
    package var cpuAfter: Double
    /// Bytes requested.
    package var memoryBefore: Double
    package var memoryAfter: Double
    /// Containers counted (every container of every workload of the planned cluster).
    package var containers: Int

    package init(
        cpuBefore: Double, cpuAfter: Double, memoryBefore: Double, memoryAfter: Double, containers: Int
    ) {
        self.cpuBefore = cpuBefore
        self.cpuAfter = cpuAfter
        self.memoryBefore = memoryBefore
        self.memoryAfter = memoryAfter
        self.containers = containers
    }

    /// How the totals count: the text reports and the JSON both say it.
    package static let basis =
        "requests × spec.replicas (1 when unset, and for DaemonSets, Jobs and CronJobs)"
}
