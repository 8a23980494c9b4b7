import Analysis

/// What kind of change the bot proposes; a rule lists the actions it allows.
public enum PolicyAction: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Requests and limits sized from observed usage.
    case rightsize
    /// A memory limit (and request) raised after OOM kills.
    case oom
    /// A CPU limit raised or removed after throttling.
    case cpuLimit = "cpu-limit"
    /// A pull request that reverts the commit blamed for a regression.
    case revert
    /// A rollback in Argo CD to the history entry before the blamed deployment, made at once;
    /// the revert pull request is opened as well, so that Git converges on what runs.
    case rollback

    public static func < (lhs: PolicyAction, rhs: PolicyAction) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }
}
