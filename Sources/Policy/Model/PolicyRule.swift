import YAMLSyntax

/// One rule of a policy: which workloads it selects, which actions it allows on them, and which
/// fields those actions may change.
public struct PolicyRule: Sendable {
    /// Unique within the policy; reports and the `Steward-Policy` trailer name it.
    public var name: String
    public var match: WorkloadMatch
    /// The allowed actions; empty means the rule denies everything on the workloads it selects.
    public var actions: Set<PolicyAction>
    /// The fields that may change, in order; the first whose path matches applies.
    public var fields: [FieldRule]
    /// Recommender settings for the workloads this rule selects, over `spec.recommender`.
    public var recommender: [RecommenderKnob: RecommenderValue]
    /// 1-based line of the rule in its file, for messages.
    public var line: Int

    public init(
        name: String, match: WorkloadMatch = WorkloadMatch(), actions: Set<PolicyAction>,
        fields: [FieldRule], recommender: [RecommenderKnob: RecommenderValue] = [:], line: Int = 0
    ) {
        self.name = name
        self.match = match
        self.actions = actions
        self.fields = fields
        self.recommender = recommender
        self.line = line
    }

    /// The first field rule whose path matches `path` (a workload-form field path).
    public func field(for path: YAMLPath) -> FieldRule? {
        fields.first { $0.pattern.matches(path) }
    }
}
