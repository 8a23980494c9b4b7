import Profiles

/// Builds usage profiles for scenarios: a full week of hourly peaks unless told otherwise.
enum ProfileBuilder {
    /// A profile whose memory series is `memory(hour)` for each hour of the window (the value
    /// labelled with the hour's end), and whose percentiles are the given ones.
    static func profile(
        cpu: CPUUsage?, memoryMax: Double? = nil, hours: Int = 168, start: Double = Scenario.windowStart,
        memory: (Int) -> Double, limits: ResourceAmounts? = nil, requests: ResourceAmounts? = nil
    ) -> UsageProfile {
        let series = (1...max(1, hours)).map { hour in [start + Double(hour) * 3600, memory(hour)] }
        let values = series.map { $0[1] }
        let sorted = values.sorted()
        let peak = memoryMax ?? sorted.last!
        let coverageSeconds = Double(hours) * 3600
        return UsageProfile(
            cluster: "prod", namespace: "shop", workload: WorkloadKey(kind: "Deployment", name: "web"),
            container: "app", cpu: cpu,
            memory: MemoryUsage(
                p50: sorted[sorted.count / 2], p95: sorted[Int(Double(sorted.count - 1) * 0.95)], max: peak,
                samples: hours * 12),
            requests: requests, limits: limits, oomKills: 0, restarts: 0,
            memorySeries: Series(step: "1h", values: series),
            coverage: Coverage(
                seconds: coverageSeconds, ratio: min(1, coverageSeconds / (7 * 86_400)), first: start + 300,
                last: start + coverageSeconds))
    }

    /// CPU percentiles of a flat usage `cores` with ±10 % noise.
    static func steadyCPU(_ cores: Double, samples: Int = 2016) -> CPUUsage {
        CPUUsage(
            p50: cores, p90: cores * 1.08, p95: cores * 1.09, p99: cores * 1.1, max: cores * 1.1,
            samples: samples)
    }
}
