/// How soon a finding needs a human: OOM kills and regressions hurt now, a resize saves money.
public enum Priority: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case high
    case medium
    case low

    public static func < (lhs: Priority, rhs: Priority) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }
}
