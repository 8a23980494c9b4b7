extension ClusterHistory {
    /// The profile of every workload container over `(windowStart, windowEnd]`, sorted by
    /// cluster, namespace, kind, name and container; both ends must be scrape times.
    public func expectedProfiles(windowStart: Int64, windowEnd: Int64) -> [ExpectedProfile] {
        let first = Int((windowStart - start) / interval) + 1
        let last = Int((windowEnd - start) / interval)
        var profiles: [ExpectedProfile] = []
        for workload in workloads {
            let names = workload.pods.flatMap { $0.containers.map(\.name) }
            var seen: Set<String> = []
            for name in names where seen.insert(name).inserted {
                profiles.append(
                    expected(workload: workload, container: name, steps: first...last, windowEnd: windowEnd))
            }
        }
        return profiles.sorted {
            ($0.cluster, $0.namespace, $0.kind, $0.name, $0.container)
                < ($1.cluster, $1.namespace, $1.kind, $1.name, $1.container)
        }
    }

    private func expected(workload: Workload, container: String, steps: ClosedRange<Int>, windowEnd: Int64)
        -> ExpectedProfile
    {
        var cpu: [Double] = []
        var memory: [Double] = []
        // The highest sample between two scrapes of the window, which no step's instant holds.
        var spikePeak = -Double.infinity
        var restarts = 0
        var oomKills = 0
        var throttled = 0.0
        var periods = 0.0
        var requests = Resources()
        var limits = Resources()
        var hasCPULimit = false
        var sampled = false
        var restartSteps: [Int: Int] = [:]
        var oomKillSteps: [Int: Int] = [:]
        var oomKillLimit: Double?
        for pod in workload.pods {
            guard let index = pod.containers.firstIndex(where: { $0.name == container }) else { continue }
            let spec = pod.containers[index]
            let trace = self.trace(of: pod, container: index)
            if case .noSamples = spec.pattern {} else { sampled = true }
            var firstRestarts: Int?
            var lastRestarts = 0
            for step in steps where trace.alive[step] {
                if firstRestarts == nil {
                    // The restart count at the window's start, or 0 for a pod born inside it.
                    firstRestarts = step > 0 && trace.alive[step - 1] ? trace.restarts[step - 1] : 0
                }
                lastRestarts = trace.restarts[step]
                if step > 0, trace.alive[step - 1], trace.restarts[step] > trace.restarts[step - 1] {
                    let count = trace.restarts[step] - trace.restarts[step - 1]
                    restartSteps[step, default: 0] += count
                    if trace.lastTerminatedOOM[step] {
                        oomKills += count
                        oomKillSteps[step, default: 0] += count
                        if let limit = spec.limits.memory {
                            oomKillLimit = max(oomKillLimit ?? limit, limit)
                        }
                    }
                }
                memory.append(trace.memory[step])
                // A rate over two intervals needs the instance's samples at both ends.
                if step >= 2, trace.alive[step - 2], trace.instance[step - 2] == trace.instance[step] {
                    cpu.append((trace.cpuSeconds[step] - trace.cpuSeconds[step - 2]) / Double(2 * interval))
                }
                if step > 0, trace.alive[step - 1], trace.instance[step - 1] == trace.instance[step] {
                    throttled += trace.throttled[step] - trace.throttled[step - 1]
                    periods += trace.periods[step] - trace.periods[step - 1]
                }
            }
            for (step, spike) in spikes(of: spec, in: trace)
            where step >= steps.lowerBound - 1 && step < steps.upperBound {
                spikePeak = max(spikePeak, spike.bytes)
            }
            restarts += lastRestarts - (firstRestarts ?? lastRestarts)
            if spec.limits.cpu != nil { hasCPULimit = true }
            if pod.birth <= windowEnd, pod.death > windowEnd {
                requests = Self.larger(requests, spec.requests)
                limits = Self.larger(limits, spec.limits)
            }
        }
        if !sampled {
            cpu = []
            memory = []
        }
        cpu.sort()
        memory.sort()
        return ExpectedProfile(
            cluster: workload.cluster, namespace: workload.namespace, kind: workload.kind,
            name: workload.name,
            container: container,
            cpu: cpu.isEmpty
                ? nil : [0.5, 0.9, 0.95, 0.99].map { Self.percentile($0, cpu) } + [cpu.last!],
            cpuSamples: cpu.count,
            memory: memory.isEmpty
                ? nil
                : [
                    Self.percentile(0.5, memory), Self.percentile(0.95, memory), max(memory.last!, spikePeak),
                ],
            memorySamples: memory.count, restarts: restarts,
            oomKills: terminatedReasons || restartSteps.isEmpty ? oomKills : nil, requests: requests,
            limits: limits,
            throttlingRatio: hasCPULimit && sampled && periods > 0 ? throttled / periods : nil,
            rollouts: workload.replicaSets.map { ($0.name, $0.created) }.sorted { $0.1 < $1.1 },
            restartSeries: stepped(restartSteps, steps: steps),
            oomKillSeries: terminatedReasons ? stepped(oomKillSteps, steps: steps) : nil,
            oomKillLimit: terminatedReasons ? oomKillLimit : nil)
    }

    /// Counts per step as `[t, count]`: the window's first and last step, and every step with a
    /// count; nil when there are none.
    private func stepped(_ counts: [Int: Int], steps: ClosedRange<Int>) -> [[Double]]? {
        guard counts.values.contains(where: { $0 > 0 }) else { return nil }
        return steps.filter { $0 == steps.lowerBound || $0 == steps.upperBound || (counts[$0] ?? 0) > 0 }
            .map { [Double(time(ofStep: $0)), Double(counts[$0] ?? 0)] }
    }

    static func hourEnd(of time: Int64) -> Int64 {
        (time + 3599) / 3600 * 3600
    }

    /// Linear interpolation between closest ranks (type 7).
    public static func percentile(_ q: Double, _ sorted: [Double]) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    private static func larger(_ a: Resources, _ b: Resources) -> Resources {
        Resources(
            cpu: [a.cpu, b.cpu].compactMap { $0 }.max(), memory: [a.memory, b.memory].compactMap { $0 }.max())
    }
}
