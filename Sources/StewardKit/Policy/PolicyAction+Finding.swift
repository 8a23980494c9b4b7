import Analysis
import Policy

extension PolicyAction {
    /// The action a finding's changes take.
    init(_ kind: FindingKind) {
        switch kind {
        case .rightsize: self = .rightsize
        case .revert: self = .revert
        }
    }
}
