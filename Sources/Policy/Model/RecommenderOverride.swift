/// A recommender knob a policy sets for a workload, and where: `spec.recommender`, or the
/// `recommender` block of the rule that selects the workload.
public struct RecommenderOverride: Sendable, Hashable, CustomStringConvertible {
    public var knob: RecommenderKnob
    public var value: RecommenderValue
    /// `spec.recommender`, or `rule NAME`.
    public var origin: String

    /// `cpuPercentile: p99 (rule batch)`.
    public var description: String { "\(knob.rawValue): \(value) (\(origin))" }
}
