/// How log lines are written to standard error.
package enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-28T20:00:00Z info steward: message key=value`, for a terminal.
    case text
    /// One JSON object a line, for a CronJob's log collector.
    case json
}
