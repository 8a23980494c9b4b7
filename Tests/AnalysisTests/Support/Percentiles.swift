import Profiles

/// Percentiles as `steward profile collect` computes them (linear interpolation between closest
/// ranks, type 7), to build profiles from samples.
enum Percentiles {
    static func percentile(_ q: Double, _ sorted: [Double]) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    static func cpu(_ samples: [Double]) -> CPUUsage {
        let sorted = samples.sorted()
        return CPUUsage(
            p50: percentile(0.5, sorted), p90: percentile(0.9, sorted), p95: percentile(0.95, sorted),
            p99: percentile(0.99, sorted), max: sorted.last!, samples: sorted.count)
    }
}
