import Foundation

/// One case of a policy test file: a proposed change and the decision it must get, or a moment
/// and whether the schedule must be open then.
public struct PolicyTestCase: Sendable {
    /// What the case checks.
    public enum Check: Sendable {
        case change(ProposedChange, expected: Expectation)
        case schedule(at: Date, open: Bool)
        /// The recommender knobs the policy must set for a workload, with these values; knobs
        /// not listed are not checked.
        case recommender(PolicySubject, expected: [RecommenderKnob: RecommenderValue])
    }

    /// The decision a change must get; nil fields are not checked.
    public struct Expectation: Sendable, Hashable {
        public var outcome: PolicyDecision.Outcome
        /// The text of the value written (allowed or clamped).
        public var value: String?
        public var rule: String?
        /// Text the rejection reason must contain.
        public var reason: String?

        /// Whether `decision` meets the expectation.
        public func isMet(by decision: PolicyDecision) -> Bool {
            decision.outcome == outcome && (value.map { $0 == decision.value?.text } ?? true)
                && (rule.map { $0 == decision.rule } ?? true)
                && (reason.map { decision.reason?.contains($0) ?? false } ?? true)
        }

        /// `clamped to 512Mi (rule web)`, `rejected containing "default deny"`.
        public var summary: String {
            var text = outcome.rawValue
            if let value { text += outcome == .clamped ? " to \(value)" : " with \(value)" }
            if let reason { text += " because \"\(reason)\"" }
            if let rule { text += " (rule \(rule))" }
            return text
        }
    }

    public var name: String
    /// 1-based line of the case in its file.
    public var line: Int
    public var check: Check
}
