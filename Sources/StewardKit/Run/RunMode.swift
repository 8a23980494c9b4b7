/// Whether a run published, and if not, why not.
package enum RunMode: Sendable, Equatable {
    /// It pushed and talked to the forge as decided.
    case published
    /// `--dry-run`: everything was decided, nothing written.
    case dryRun
    /// It only planned: `reason` says why (outside the policy's schedule, no usable policy, nothing
    /// to publish or close).
    case planned(reason: String)

    /// `published`, `dry-run`, `planned`: the JSON summary's `mode`.
    package var name: String {
        switch self {
        case .published: "published"
        case .dryRun: "dry-run"
        case .planned: "planned"
        }
    }
}
