/// The opt-out annotation: a workload whose annotation `annotation` equals `value` is never
/// changed, whatever the rules say.
public struct PolicyExclusion: Sendable, Hashable {
    public var annotation: String
    public var value: String

    public init(annotation: String = "steward.dev/ignore", value: String = "true") {
        self.annotation = annotation
        self.value = value
    }

    /// Whether `subject` opted out.
    public func excludes(_ subject: PolicySubject) -> Bool {
        subject.annotations[annotation] == value
    }
}
