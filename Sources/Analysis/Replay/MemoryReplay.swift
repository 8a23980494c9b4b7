import Profiles

/// Replays what a container's memory did in the window against a memory limit, and counts the
/// OOM kills the limit would have caused: every point of the series (the highest working set of
/// any pod in each step, and the profile's overall peak) at or above the limit, plus the OOM
/// kills observed when the limit is not above the level they happened at.
///
/// Steward proposes no memory limit for which this is not zero.
public enum MemoryReplay {
    /// - Parameter oomKillLevel: the working set at the OOM kills, i.e. the limit then; when nil,
    ///   the profile's `oomKillLimit`, else its live limit, else its peak.
    public static func replay(_ profile: UsageProfile, limit: Double, oomKillLevel: Double? = nil)
        -> ReplayEvidence
    {
        var values = (profile.memorySeries?.points ?? []).map(\.value)
        if let peak = profile.memory?.max {
            values.append(peak)
        }
        var kills = values.filter { $0 >= limit }.count
        if let oomKills = profile.oomKills, oomKills > 0 {
            let level =
                oomKillLevel ?? profile.oomKillLimit ?? profile.limits?.memory ?? profile.memory?.max
                ?? .infinity
            if limit <= level {
                kills += oomKills
            }
        }
        return ReplayEvidence(limit: limit, points: values.count, wouldBeOOMKills: kills)
    }
}
