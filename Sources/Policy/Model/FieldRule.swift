import Kubernetes

/// A field a rule lets the bot change, and how far.
public struct FieldRule: Sendable {
    /// The path, with `[*]` for any container: `spec.template.spec.containers[*].resources.requests.cpu`.
    public var pattern: FieldPattern
    /// The lowest value the bot may write.
    public var min: Quantity?
    /// The highest value the bot may write.
    public var max: Quantity?
    /// The most one change may raise the value, in percent of the current value.
    public var maxIncreasePercent: Int?
    /// The most one change may lower the value, in percent of the current value (below 100).
    public var maxDecreasePercent: Int?
    /// Whether the bot may remove the field altogether (e.g. a CPU limit).
    public var allowRemove: Bool

    public init(
        pattern: FieldPattern, min: Quantity? = nil, max: Quantity? = nil, maxIncreasePercent: Int? = nil,
        maxDecreasePercent: Int? = nil, allowRemove: Bool = false
    ) {
        self.pattern = pattern
        self.min = min
        self.max = max
        self.maxIncreasePercent = maxIncreasePercent
        self.maxDecreasePercent = maxDecreasePercent
        self.allowRemove = allowRemove
    }
}
