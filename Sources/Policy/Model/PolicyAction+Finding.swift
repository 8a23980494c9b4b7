import Analysis

extension PolicyAction {
    /// The action a finding's changes take; nil for the kinds that only report (a suspected
    /// leak, a crash loop, a failing probe), which never change anything. A rollback is never a
    /// finding's own action: it goes with a revert.
    public init?(_ kind: FindingKind) {
        switch kind {
        case .rightsize: self = .rightsize
        case .oom: self = .oom
        case .cpuThrottling: self = .cpuLimit
        case .regressionAfterChange: self = .revert
        case .memoryLeak, .crashLoop, .probeFailure: return nil
        }
    }
}
