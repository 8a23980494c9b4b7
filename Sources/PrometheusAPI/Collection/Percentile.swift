/// Percentiles of pooled samples.
enum Percentile {
    /// The `q`-quantile (0...1) of ascending `sorted` samples, interpolating linearly between the
    /// two nearest ranks (Hyndman and Fan's type 7, the default of NumPy and R).
    ///
    /// Exact for the samples given: no sketch, no bucket error.
    static func of(_ q: Double, sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "a percentile of no samples")
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
