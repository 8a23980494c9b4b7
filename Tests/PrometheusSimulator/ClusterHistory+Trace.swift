import Foundation

extension ClusterHistory {
    /// Simulates container `index` of `pod` over the whole history.
    public func trace(of pod: Pod, container index: Int) -> ContainerTrace {
        let spec = pod.containers[index]
        var trace = ContainerTrace(count: stepCount)
        let seconds = Double(interval)
        var counter = 0.0
        var periods = 0.0
        var throttled = 0.0
        var instance = 0
        var restarts = 0
        var oomTerminated = false
        var errorTerminated = false
        // Hours the current instance has run at its start, so that pods of one workload do not
        // leak or OOM in lockstep.
        var instanceStart = Double(pod.birth)
        var started = false
        let phaseHours = Double(pod.index % 7) * 1.7
        let end = spec.end(in: pod)
        for step in 0..<stepCount {
            let time = self.time(ofStep: step)
            guard time >= pod.birth, time < end else { continue }
            if !started {
                started = true
                if pod.birth <= start {
                    // Running since before the history: counters are far from zero.
                    counter = 5000 + 1000 * noise.unit(pod.index, index, -1)
                    periods = 100_000
                    throttled = 1000
                    instanceStart = Double(time) - phaseHours * 3600
                }
            } else {
                let age = (Double(time) - instanceStart) / 3600
                let usage = cpu(spec, pod: pod, container: index, step: step, time: time)
                var memory = self.memory(spec, pod: pod, container: index, step: step, hours: age)
                let oomKilled: Bool
                if case .oomLoop = spec.pattern, let limit = spec.limits.memory, memory >= limit {
                    oomKilled = true
                } else {
                    oomKilled = false
                }
                let crash = crash(spec, at: time)
                if oomKilled || crash != nil {
                    // Ended between the last scrape and this one; the new instance starts fresh.
                    instance += 1
                    restarts += 1
                    oomTerminated = oomKilled || crash == .outOfMemory
                    errorTerminated = !oomTerminated
                    instanceStart = Double(time)
                    counter = 0
                    periods = 0
                    throttled = 0
                    memory = self.memory(spec, pod: pod, container: index, step: step, hours: 0)
                } else {
                    counter += usage * seconds
                    if let limit = spec.limits.cpu {
                        let newPeriods = seconds * 10
                        periods += newPeriods
                        throttled += newPeriods * throttling(spec, usage: usage, limit: limit)
                    }
                    trace.cpuCores[step] = usage
                }
                trace.memory[step] = memory
            }
            if trace.memory[step] == 0 {
                trace.memory[step] = self.memory(
                    spec, pod: pod, container: index, step: step, hours: (Double(time) - instanceStart) / 3600
                )
            }
            trace.alive[step] = true
            trace.instance[step] = instance
            trace.cpuSeconds[step] = counter
            trace.periods[step] = periods
            trace.throttled[step] = throttled
            trace.restarts[step] = restarts
            trace.lastTerminatedOOM[step] = oomTerminated
            trace.lastTerminatedError[step] = errorTerminated
        }
        return trace
    }

    /// The memory spikes of `spec` that `trace` shows, each with the scrape before it: those
    /// between two scrapes of one instance.
    func spikes(of spec: ContainerSpec, in trace: ContainerTrace) -> [(step: Int, spike: MemorySpike)] {
        spec.memorySpikes.compactMap { spike in
            let step = Int((spike.at - start) / interval)
            guard spike.at > start, spike.at % interval != 0, step + 1 < stepCount,
                (spike.at + spike.seconds - start) / interval == Int64(step), trace.alive[step],
                trace.alive[step + 1], trace.instance[step] == trace.instance[step + 1]
            else { return nil }
            return (step, spike)
        }
    }

    /// How a crash-looping container exited just before `time`, if it did.
    private func crash(_ spec: ContainerSpec, at time: Int64) -> Crash? {
        guard case .crashLoop(_, _, let from, let every, let until, let outOfMemory) = spec.pattern,
            time >= from, time < until ?? .max, (time - from) % every == 0
        else { return nil }
        return outOfMemory ? .outOfMemory : .error
    }

    private enum Crash {
        case error
        case outOfMemory
    }

    private func cpu(_ spec: ContainerSpec, pod: Pod, container: Int, step: Int, time: Int64) -> Double {
        let n = noise.unit(pod.index, container, step, 1)
        switch spec.pattern {
        case .steady(let cpu, _), .memoryLeak(let cpu, _, _), .oomLoop(let cpu, _, _),
            .crashLoop(let cpu, _, _, _, _, _):
            return cpu * (0.9 + 0.2 * n)
        case .dailyCycle(let low, let high, _, _):
            let phase = sin(2 * Double.pi * Double(time % 86_400) / 86_400)
            return (low + (high - low) * (0.5 + 0.5 * phase)) * (0.95 + 0.1 * n)
        case .spiky(let base, _):
            if let limit = spec.limits.cpu, noise.unit(pod.index, container, step, 2) < 0.125 {
                return limit
            }
            return base * (0.8 + 0.4 * n)
        case .task(let cpu, _):
            return cpu
        case .noSamples:
            return 0
        }
    }

    private func memory(_ spec: ContainerSpec, pod: Pod, container: Int, step: Int, hours: Double) -> Double {
        let n = noise.unit(pod.index, container, step, 3)
        switch spec.pattern {
        case .steady(_, let memory), .spiky(_, let memory), .crashLoop(_, let memory, _, _, _, _):
            return (memory * (0.97 + 0.06 * n)).rounded()
        case .dailyCycle(_, _, let low, let high):
            let phase = sin(2 * Double.pi * Double(time(ofStep: step) % 86_400) / 86_400)
            return (low + (high - low) * (0.5 + 0.5 * phase) * (0.98 + 0.04 * n)).rounded()
        case .memoryLeak(_, let memory, let perHour), .oomLoop(_, let memory, let perHour):
            return (memory * (0.99 + 0.02 * n) + perHour * max(0, hours)).rounded()
        case .task(_, let memory):
            return memory
        case .noSamples:
            return 0
        }
    }

    private func throttling(_ spec: ContainerSpec, usage: Double, limit: Double) -> Double {
        if case .spiky = spec.pattern, usage >= limit {
            return 0.45
        }
        return max(0, usage / limit - 0.7) * 0.5
    }
}
