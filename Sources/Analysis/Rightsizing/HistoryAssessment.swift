import Profiles

/// How much history a profile has, and whether it is enough to size from.
struct HistoryAssessment: Sendable {
    /// Seconds of sampled history: `coverage.seconds`, or the window's length for a profile
    /// written without coverage (by hand or by another tool).
    var seconds: Double
    /// The share of the span between the first and the last sample that samples cover; nil
    /// without coverage.
    var density: Double?
    /// Why the profile must not be sized from; nil when it may.
    var refusal: String?

    init(profile: UsageProfile, workloadKind: String, window: Window, settings: RecommenderSettings) {
        if let coverage = profile.coverage {
            seconds = coverage.seconds
            let span = coverage.last - coverage.first
            density = span > 0 ? min(1, coverage.seconds / span) : (coverage.seconds > 0 ? 1 : 0)
        } else {
            seconds = window.duration
            density = nil
        }
        if !profile.isSufficient {
            refusal = "the profile is insufficient: " + (profile.insufficient ?? []).joined(separator: "; ")
        } else if (profile.cpu?.samples ?? 0) == 0 && (profile.memory?.samples ?? 0) == 0 {
            refusal = "no usage samples"
        } else if seconds < settings.minimumHistorySeconds {
            refusal =
                "\(Text.duration(seconds)) of history, right-sizing needs \(Text.duration(settings.minimumHistorySeconds))"
        } else if let density, density < settings.minimumCoverageDensity,
            !["Job", "CronJob"].contains(workloadKind)
        {
            refusal =
                "samples cover \(Text.percent(density)) of their span, right-sizing needs "
                + "\(Text.percent(settings.minimumCoverageDensity))"
        } else {
            refusal = nil
        }
    }
}
