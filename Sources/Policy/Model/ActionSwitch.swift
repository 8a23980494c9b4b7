/// A per-action switch (`spec.actions.<action>`): whether the action may produce changes at all,
/// and which labels a workload needs for it. A change refused here stays a finding.
public struct ActionSwitch: Sendable, Hashable {
    public var enabled: Bool
    /// Labels the workload must carry (exact values) before the action changes it.
    public var requiredLabels: [String: String]
    /// For `rollback`: how many history entries back a rollback may go, counted from the entry
    /// running now (1: only to the entry just before it).
    public var maxHistoryEntries: Int

    public init(enabled: Bool = true, requiredLabels: [String: String] = [:], maxHistoryEntries: Int = 1) {
        self.enabled = enabled
        self.requiredLabels = requiredLabels
        self.maxHistoryEntries = maxHistoryEntries
    }

    /// Why the switch refuses `action` on `subject`, or nil when it lets it through.
    func refusal(_ action: PolicyAction, for subject: PolicySubject) -> String? {
        guard enabled else {
            return "action \(action.rawValue) is switched off (spec.actions.\(action.rawValue).enabled)"
        }
        for (key, value) in requiredLabels.sorted(by: { $0.key < $1.key }) where subject.labels[key] != value
        {
            return "action \(action.rawValue) needs the label \(key): \"\(value)\" on the workload"
        }
        return nil
    }
}
