import Kubernetes

/// A new value for one resource field; `from` is nil when the manifest does not set the field,
/// `to` is nil when the field is to be removed (a CPU limit, when the policy asks for that).
public struct ResourceProposal: Sendable, Hashable {
    public var field: ResourceField
    public var from: Quantity?
    public var to: Quantity?

    public init(field: ResourceField, from: Quantity?, to: Quantity?) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// Whether the proposal removes the field.
    public var removes: Bool { to == nil }
}
