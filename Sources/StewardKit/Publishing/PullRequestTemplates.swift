/// The two pull-request templates of a run: right-sizing and revert, each the bundled one or the
/// repository's own.
struct PullRequestTemplates: Sendable {
    var rightsize: PullRequestTemplate
    var revert: PullRequestTemplate

    /// The templates Steward ships.
    static let bundled = PullRequestTemplates(rightsize: .bundled, revert: .bundledRevert)
}
