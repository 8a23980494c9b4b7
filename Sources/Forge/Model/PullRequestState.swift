/// Whether a pull request is still open.
public enum PullRequestState: String, Sendable, Equatable {
    /// Open for review.
    case open
    /// Closed without being merged.
    case closed
    /// Merged into its base branch.
    case merged
}
