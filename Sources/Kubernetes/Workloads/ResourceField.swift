/// One of the four resource fields of a container that Steward sizes.
public enum ResourceField: String, Codable, Sendable, CaseIterable, Comparable {
    case requestsCPU = "requests.cpu"
    case requestsMemory = "requests.memory"
    case limitsCPU = "limits.cpu"
    case limitsMemory = "limits.memory"

    /// `requests` or `limits`.
    public var section: String { self == .requestsCPU || self == .requestsMemory ? "requests" : "limits" }

    /// `cpu` or `memory`.
    public var resource: String { self == .requestsCPU || self == .limitsCPU ? "cpu" : "memory" }

    /// How reports name the field, e.g. `cpu request`.
    public var label: String { "\(resource) \(section == "requests" ? "request" : "limit")" }

    /// The position in `allCases`.
    var ordinal: Int {
        switch self {
        case .requestsCPU: 0
        case .requestsMemory: 1
        case .limitsCPU: 2
        case .limitsMemory: 3
        }
    }

    public static func < (lhs: ResourceField, rhs: ResourceField) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    // Without these, `RawRepresentable` compares and hashes the raw strings: every lookup in a
    // field-keyed dictionary would hash text.
    public static func == (lhs: ResourceField, rhs: ResourceField) -> Bool {
        lhs.ordinal == rhs.ordinal
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }
}
