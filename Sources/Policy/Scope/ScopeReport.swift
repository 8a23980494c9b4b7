import Kubernetes
import YAMLSyntax

/// What a scope check found: every changed workload field with the policy's decision, and every
/// violation. Within policy only when there is no violation.
public struct ScopeReport: Sendable {
    public var fields: [CheckedField]
    public var violations: [ScopeViolation]

    public init(fields: [CheckedField] = [], violations: [ScopeViolation] = []) {
        self.fields = fields
        self.violations = violations
    }

    public var isWithinPolicy: Bool { violations.isEmpty }
}

/// A changed workload field, where it is written, and what the policy says about the change.
public struct CheckedField: Sendable, Hashable {
    public var file: String
    public var document: Int
    /// The concrete place in the document (`containers[0]`).
    public var location: YAMLPath
    public var field: ResolvedField
    public var old: Quantity?
    public var new: Quantity?
    public var decision: PolicyDecision
}
