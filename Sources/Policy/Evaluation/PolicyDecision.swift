import Kubernetes

/// The policy's answer to one proposed change.
public struct PolicyDecision: Sendable, Hashable, CustomStringConvertible {
    /// Allowed as proposed, allowed with another value, or not allowed.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case allowed
        case clamped
        case rejected
    }

    public var outcome: Outcome
    /// The rule that decided; nil when none did (no policy, no matching rule, opted out).
    public var rule: String?
    /// What the bot may write: the proposal (allowed), the bound (clamped); nil when rejected or
    /// when the allowed change removes the field.
    public var value: Quantity?
    /// For a clamped change, the bound that applied: `max 4Gi`, `maxDecreasePercent 50 of 1Gi`.
    public var bound: String?
    /// For a rejected change, why.
    public var reason: String?

    public init(
        outcome: Outcome, rule: String?, value: Quantity?, bound: String? = nil, reason: String? = nil
    ) {
        self.outcome = outcome
        self.rule = rule
        self.value = value
        self.bound = bound
        self.reason = reason
    }

    public static func allowed(_ value: Quantity?, rule: String) -> PolicyDecision {
        PolicyDecision(outcome: .allowed, rule: rule, value: value)
    }

    public static func clamped(_ value: Quantity, bound: String, rule: String) -> PolicyDecision {
        PolicyDecision(outcome: .clamped, rule: rule, value: value, bound: bound)
    }

    public static func rejected(_ reason: String, rule: String? = nil) -> PolicyDecision {
        PolicyDecision(outcome: .rejected, rule: rule, value: nil, reason: reason)
    }

    /// Whether the bot may write something.
    public var permitsEdit: Bool { outcome != .rejected }

    /// `allowed (rule web)`, `clamped to 512Mi by min 512Mi (rule web)`, `rejected: no policy`.
    public var description: String {
        let ruleSuffix = rule.map { " (rule \($0))" } ?? ""
        switch outcome {
        case .allowed:
            return "allowed\(ruleSuffix)"
        case .clamped:
            return "clamped to \(value?.text ?? "?") by \(bound ?? "a bound")\(ruleSuffix)"
        case .rejected:
            return "rejected: \(reason ?? "not allowed")\(ruleSuffix)"
        }
    }
}
