import Profiles

/// Everything observed for one workload container, pooled over its pods while query results
/// arrive; ``profile(key:plan:rollouts:)`` turns it into a ``UsageProfile``.
struct ContainerAccumulator: Sendable {
    var cpu: [Double] = []
    var cpuMax = -Double.infinity
    /// The working set at each step's instant, the samples of the percentiles.
    var memory: [Double] = []
    /// The highest working set seen: of the samples between steps (``addMemoryPeak(_:time:)``)
    /// and of those at the steps.
    var memoryMax = -Double.infinity
    /// Hourly maxima of the memory working set, keyed by the end of the hour `(end - 1h, end]`
    /// in unix seconds, so that a window ending on the hour has exactly one point per hour.
    var memoryHours: [Int64: Double] = [:]
    /// Evaluation steps with a CPU or memory sample of any pod, as a bit set.
    private var covered: [UInt64] = []
    /// Restarts and OOM kills of each pod (by name) at each evaluation step that had any; a pod
    /// is listed only with at least one such step.
    var restartSteps: [String: [Int: Int]] = [:]
    var oomKillSteps: [String: [Int: Int]] = [:]
    /// The memory limit of each pod (by name) at its OOM kills, the largest.
    var oomKillLimits: [String: Double] = [:]
    /// The pods (by name) with a last termination reason in the window.
    var podsWithTerminationReason: Set<String> = []
    /// The crash loops of each pod (by name) that had one: its samples there are left out.
    var crashLoops: [String: CrashLoopSpans] = [:]
    private var excludedCPU = 0
    private var excludedMemory = 0
    private var excludedSteps: ClosedRange<Int>?
    var restarts: Int?
    var throttled: Double?
    var periods: Double?
    var requests = ResourceAmounts()
    var limits = ResourceAmounts()

    /// Counts a CPU or memory sample at `step` that a crash loop leaves out.
    mutating func leaveOut(step: Int, memory: Bool) {
        if memory { excludedMemory += 1 } else { excludedCPU += 1 }
        excludedSteps =
            excludedSteps.map { min($0.lowerBound, step)...max($0.upperBound, step) } ?? step...step
    }

    mutating func addCPU(_ value: Double, step: Int) {
        guard value.isFinite else { return }
        cpu.append(value)
        cpuMax = max(cpuMax, value)
        cover(step)
    }

    mutating func addMemory(_ value: Double, step: Int, time: Double) {
        guard value.isFinite else { return }
        memory.append(value)
        addMemoryPeak(value, time: time)
        cover(step)
    }

    /// The highest working set in a step `(time − step, time]`: it raises the peak and the hour's
    /// maximum, not the percentiles' samples.
    mutating func addMemoryPeak(_ value: Double, time: Double) {
        guard value.isFinite else { return }
        memoryMax = max(memoryMax, value)
        let hour = Hour.end(of: time)
        memoryHours[hour] = max(memoryHours[hour] ?? -.infinity, value)
    }

    private mutating func cover(_ step: Int) {
        let word = step / 64
        if covered.count <= word {
            covered.append(contentsOf: repeatElement(0, count: word + 1 - covered.count))
        }
        covered[word] |= 1 << UInt64(step % 64)
    }

    /// The covered steps, ascending.
    private var coveredSteps: [Int] {
        var steps: [Int] = []
        for (index, word) in covered.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
                steps.append(index * 64 + bit)
            }
        }
        return steps
    }

    /// The profile: percentiles of the pooled samples, and every other number only when observed.
    func profile(key: ContainerKey, plan: CollectionPlan, rollouts: [Rollout]?, answered: StepCountsAnswered)
        -> UsageProfile
    {
        var profile = UsageProfile(
            cluster: key.cluster, namespace: key.namespace, workload: key.workload, container: key.container)
        var insufficient: [String] = []
        let outside = excludedSteps == nil ? "" : " outside crash loops"
        if cpu.isEmpty {
            insufficient.append("no CPU usage samples in the window\(outside)")
        } else {
            let sorted = cpu.sorted()
            profile.cpu = CPUUsage(
                p50: Percentile.of(0.5, sorted: sorted), p90: Percentile.of(0.9, sorted: sorted),
                p95: Percentile.of(0.95, sorted: sorted), p99: Percentile.of(0.99, sorted: sorted),
                max: cpuMax, samples: sorted.count)
        }
        if memory.isEmpty {
            insufficient.append("no memory samples in the window\(outside)")
        } else {
            let sorted = memory.sorted()
            profile.memory = MemoryUsage(
                p50: Percentile.of(0.5, sorted: sorted), p95: Percentile.of(0.95, sorted: sorted),
                max: memoryMax, samples: sorted.count)
            profile.memorySeries = Series(
                step: "1h",
                values: memoryHours.sorted { $0.key < $1.key }.map { [Double($0.key), $0.value] })
        }
        let steps = coveredSteps
        if let first = steps.first, let last = steps.last {
            let seconds = Double(steps.count) * Double(plan.stepMilliseconds) / 1000
            profile.coverage = Coverage(
                seconds: seconds, ratio: Double(steps.count) / Double(plan.stepCount),
                first: plan.time(ofStep: first), last: plan.time(ofStep: last))
        }
        profile.requests = requests.cpu == nil && requests.memory == nil ? nil : requests
        profile.limits = limits.cpu == nil && limits.memory == nil ? nil : limits
        // A failed chunk would read as steps without kills: the counts of the chunks that
        // answered are left out with it. So are they when a pod restarted without a termination
        // reason, or when the query for the reasons failed: it may have been OOM-killed, and
        // nothing says, so the kills are unknown, not 0.
        let reasonsMissing =
            answered.restarts
            && restartSteps.keys.contains {
                !answered.terminationReasons || !podsWithTerminationReason.contains($0)
            }
        if answered.oomKills, !reasonsMissing {
            let kills = Self.sumOverPods(oomKillSteps)
            profile.oomKills = kills.values.reduce(0, +)
            if !kills.isEmpty {
                profile.oomKillSeries = Self.stepped(kills, plan: plan)
            }
            profile.oomKillLimit = oomKillSteps.keys.compactMap { oomKillLimits[$0] }.max()
        }
        let restartCounts = Self.sumOverPods(restartSteps)
        if answered.restarts, !restartCounts.isEmpty {
            profile.restartSeries = Self.stepped(restartCounts, plan: plan)
        }
        profile.restarts = restarts
        if let throttled, let periods, periods > 0 {
            profile.throttlingRatio = min(1, max(0, throttled / periods))
        }
        profile.rollouts = rollouts
        if let excludedSteps {
            profile.excluded = ExcludedSamples(
                reason: "crash loop", cpu: excludedCPU, memory: excludedMemory,
                from: plan.time(ofStep: excludedSteps.lowerBound),
                until: plan.time(ofStep: excludedSteps.upperBound))
        }
        profile.insufficient = insufficient.isEmpty ? nil : insufficient
        return profile
    }

    /// Counts per step, summed over pods.
    private static func sumOverPods(_ pods: [String: [Int: Int]]) -> [Int: Int] {
        var sums: [Int: Int] = [:]
        for steps in pods.values {
            for (step, count) in steps {
                sums[step, default: 0] += count
            }
        }
        return sums
    }

    /// Counts at the collection's step, so that the regression detector dates an onset within
    /// one step rather than one hour: the window's first and last step, and every step with a
    /// count. A step not listed counted nothing. The two ends are written even at 0 so that a
    /// reader sees how much quiet history came before the first count; leaving out the other
    /// zeros keeps a week at 5 minutes (2,016 steps) from filling the file.
    private static func stepped(_ counts: [Int: Int], plan: CollectionPlan) -> Series {
        let steps = Set(counts.filter { $0.value > 0 }.keys).union([1, plan.stepCount]).sorted()
        return Series(
            step: PrometheusDuration(milliseconds: plan.stepMilliseconds).description,
            values: steps.map { [plan.time(ofStep: $0), Double(counts[$0] ?? 0)] })
    }
}
