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

    public static func < (lhs: ResourceField, rhs: ResourceField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
