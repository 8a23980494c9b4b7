/// The value a policy gives a recommender knob.
public enum RecommenderValue: Sendable, Hashable, CustomStringConvertible {
    /// A number in the knob's unit: percent for `percent` and `share` knobs, the number itself for
    /// `ratio` and `count` knobs, millicores for `cpu`, bytes for `memory`, seconds for
    /// `duration`; `text` is the value as the policy writes it.
    case amount(Double, text: String)
    case percentile(Percentile)
    case cpuLimit(CPULimit)
    case throttlingResponse(ThrottlingResponse)

    /// The CPU percentile the request is sized from.
    public enum Percentile: String, Sendable, Hashable, CaseIterable {
        case p50, p90, p95, p99, max
    }

    /// What right-sizing does with the CPU limit.
    public enum CPULimit: Sendable, Hashable {
        case keep
        case remove
        /// The new request times this factor (at least 1).
        case multipleOfRequest(Double)
    }

    /// What the throttling detector proposes.
    public enum ThrottlingResponse: String, Sendable, Hashable, CaseIterable {
        case raise, remove, report
    }

    /// The value as a policy writes it: `p99`, `10m`, `24h`, `multipleOfRequest 2`.
    public var description: String {
        switch self {
        case .amount(_, let text): text
        case .percentile(let percentile): percentile.rawValue
        case .cpuLimit(.keep): "keep"
        case .cpuLimit(.remove): "remove"
        case .cpuLimit(.multipleOfRequest(let factor)): "multipleOfRequest \(Self.number(factor))"
        case .throttlingResponse(let response): response.rawValue
        }
    }

    /// Values are equal when they set the same: `7d` and `168h`, `100m` and `0.1` are.
    public static func == (lhs: RecommenderValue, rhs: RecommenderValue) -> Bool {
        switch (lhs, rhs) {
        case (.amount(let left, _), .amount(let right, _)): left == right
        case (.percentile(let left), .percentile(let right)): left == right
        case (.cpuLimit(let left), .cpuLimit(let right)): left == right
        case (.throttlingResponse(let left), .throttlingResponse(let right)): left == right
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .amount(let amount, _): hasher.combine(amount)
        case .percentile(let percentile): hasher.combine(percentile)
        case .cpuLimit(let rule): hasher.combine(rule)
        case .throttlingResponse(let response): hasher.combine(response)
        }
    }

    /// `2` rather than `2.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
