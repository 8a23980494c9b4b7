/// Which per-step count queries were answered in full, every time chunk of them: a count series
/// is written only then, since a missing chunk would read as steps without events.
struct StepCountsAnswered: Sendable {
    var oomKills: Bool
    var restarts: Bool
    /// Whether the query of the containers with a last termination reason answered, so that a
    /// restart without one can be told from an OOM kill that was not found.
    var terminationReasons: Bool
}
