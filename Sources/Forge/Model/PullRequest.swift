/// A pull request (GitHub, Gitea) or merge request (GitLab) as the forge reported it.
public struct PullRequest: Sendable, Equatable {
    /// The number people see: `#12` on GitHub and Gitea, the `iid` (`!12`) on GitLab.
    public var number: Int
    /// The title.
    public var title: String
    /// The description; empty when the forge has none.
    public var body: String
    /// The branch the changes come from, without an owner prefix (`steward/shop-web`).
    public var head: String
    /// The branch the changes go into (`main`).
    public var base: String
    /// Label names, in the order the forge listed them.
    public var labels: [String]
    /// Open, closed or merged.
    public var state: PullRequestState
    /// The page a reviewer opens in a browser.
    public var webURL: String
    /// The commit the head branch pointed to when the forge answered, when it says.
    public var headCommit: String?
}
