/// The two pull-request templates of a run: right-sizing and revert, each the bundled one or the
/// repository's own.
package struct PullRequestTemplates: Sendable {
    var rightsize: PullRequestTemplate
    var revert: PullRequestTemplate

    package init(rightsize: PullRequestTemplate, revert: PullRequestTemplate) {
        self.rightsize = rightsize
        self.revert = revert
    }

    /// The templates Steward ships.
    static let bundled = PullRequestTemplates(rightsize: .bundled, revert: .bundledRevert)
}
