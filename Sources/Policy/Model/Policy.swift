/// A policy file (`policies/steward.yaml`): what the bot may change, where, and by how much.
///
/// Default deny: a change is allowed only when the first rule whose `match` selects the workload
/// allows the change's action and field, within the field's bounds. Loading a file
/// (`Policy(file:)`) either gives a whole policy or every error in it; there is no partly
/// loaded policy, so a broken file allows nothing.
public struct Policy: Sendable {
    /// `metadata.name`.
    public var name: String
    /// The file the policy was read from, as given to the loader (for messages and trailers).
    public var path: String
    /// The rules, in file order; the first whose `match` selects a workload decides for it.
    public var rules: [PolicyRule]
    /// The opt-out annotation: a workload carrying it is never changed.
    public var exclusion: PolicyExclusion
    /// Global limits on pull requests.
    public var limits: PolicyLimits
    /// When `run` may publish; nil means at any time.
    public var schedule: PolicySchedule?
    /// Per-action switches, by action; an action without an entry is switched on.
    public var switches: [PolicyAction: ActionSwitch]
    /// The recommender's settings for every workload (`spec.recommender`); a rule's own block is
    /// merged over them for the workloads the rule selects. A knob not set keeps its default.
    public var recommender: [RecommenderKnob: RecommenderValue]

    public init(
        name: String, path: String, rules: [PolicyRule], exclusion: PolicyExclusion = PolicyExclusion(),
        limits: PolicyLimits = PolicyLimits(), schedule: PolicySchedule? = nil,
        switches: [PolicyAction: ActionSwitch] = [:], recommender: [RecommenderKnob: RecommenderValue] = [:]
    ) {
        self.name = name
        self.path = path
        self.rules = rules
        self.exclusion = exclusion
        self.limits = limits
        self.schedule = schedule
        self.switches = switches
        self.recommender = recommender
    }

    /// The switch of `action`: the configured one, or switched on without conditions.
    public func actionSwitch(_ action: PolicyAction) -> ActionSwitch {
        switches[action] ?? ActionSwitch()
    }
}
