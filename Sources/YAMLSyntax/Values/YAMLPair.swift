/// A key and its value in a mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLValue
    public var value: YAMLValue

    public init(key: YAMLValue, value: YAMLValue) {
        self.key = key
        self.value = value
    }
}
