extension Policy {
    /// The recommender knobs the policy sets for `subject`: `spec.recommender`, with the
    /// `recommender` block of the first rule that selects the subject merged over it (the rule
    /// that decides its changes). In knob order; knobs not listed keep their defaults.
    public func recommenderOverrides(for subject: PolicySubject) -> [RecommenderOverride] {
        var merged = recommender.mapValues { (value: $0, origin: "spec.recommender") }
        if let rule = rule(for: subject) {
            for (knob, value) in rule.recommender {
                merged[knob] = (value, "rule \(rule.name)")
            }
        }
        return merged.sorted { $0.key < $1.key }.map {
            RecommenderOverride(knob: $0.key, value: $0.value.value, origin: $0.value.origin)
        }
    }
}
