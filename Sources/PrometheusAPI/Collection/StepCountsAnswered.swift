/// Which per-step count queries were answered in full, every time chunk of them: a count series
/// is written only then, since a missing chunk would read as steps without events.
struct StepCountsAnswered: Sendable {
    var oomKills: Bool
    var restarts: Bool
}
