/// What a finding is about. The raw value is the first part of the finding's id.
public enum FindingKind: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// A commit blamed for restarts, OOM kills or failing probes that began right after it was
    /// rolled out; proposes a revert of that commit when exactly one commit is to blame.
    case regressionAfterChange = "regression-after-change"
    /// OOM kills in the window: the memory limit (and request) is raised.
    case oom
    /// CPU throttled above the threshold while usage is at the limit: the limit is raised or removed.
    case cpuThrottling = "cpu-throttling"
    /// The working set grows steadily towards the limit: reported, never sized for.
    case memoryLeak = "memory-leak"
    /// Requests and limits sized from observed usage.
    case rightsize
    /// Restarts began in the window and no change explains them: reported.
    case crashLoop = "crash-loop"
    /// A probe of the workload's host began failing (or its certificate to expire soon) and no
    /// change explains it: reported.
    case probeFailure = "probe-failure"

    /// Findings of a container are listed in this order: the most urgent first.
    public static func < (lhs: FindingKind, rhs: FindingKind) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }
}
