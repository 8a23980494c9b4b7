/// A pull request (merge request on GitLab) held by the forge server.
public struct ForgeServerPullRequest: Sendable, Equatable {
    /// Open, closed or merged.
    public enum State: String, Sendable, Equatable {
        case open, closed, merged
    }

    /// The number (`iid` on GitLab).
    public var number: Int
    public var title: String
    public var body: String
    /// The head branch name.
    public var head: String
    /// The owner of the repository the head branch is in: the repository's own owner, or a
    /// fork's owner.
    public var headOwner: String
    public var base: String
    public var labels: [String]
    public var state: State
    /// The comments (notes on GitLab), oldest first.
    public var comments: [String]
    /// The commit the head branch is at (made up, stable per number).
    public var headCommit: String
}
