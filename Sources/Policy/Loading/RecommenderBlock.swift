import YAMLSyntax

/// A `recommender` block as read: the value of every knob without an error, and the node it was
/// read from, so that a check across knobs can point at one.
struct RecommenderBlock {
    /// `spec.recommender` or `spec.rules[N].recommender`.
    let location: String
    private(set) var values: [RecommenderKnob: RecommenderValue] = [:]
    private(set) var nodes: [RecommenderKnob: YAMLNode] = [:]

    init(location: String) {
        self.location = location
    }

    mutating func set(_ knob: RecommenderKnob, _ value: RecommenderValue?, at node: YAMLNode) {
        guard let value else { return }
        values[knob] = value
        nodes[knob] = node
    }
}
