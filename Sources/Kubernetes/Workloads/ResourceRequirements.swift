/// The requests and limits a manifest declares for one container; absent fields are nil.
public struct ResourceRequirements: Sendable, Hashable {
    public var values: [ResourceField: Quantity]

    public init(_ values: [ResourceField: Quantity] = [:]) {
        self.values = values
    }

    public subscript(field: ResourceField) -> Quantity? {
        get { values[field] }
        set { values[field] = newValue }
    }
}
