/// Pull requests on one repository of one forge: what the publisher needs, nothing more.
///
/// Every method either does what it says or throws a ``ForgeError`` that names the forge, the
/// request and the forge's answer. Clients wait out rate limits (up to a bounded time) and retry
/// server errors a bounded number of times before they give up. A client owns network resources:
/// call ``shutdown()`` once when done, or use ``ForgeConfiguration/withClient(logger:_:)``.
public protocol ForgeClient: Sendable {
    /// Which forge this client talks to.
    var kind: ForgeKind { get }

    /// The open pull request from `branch` (in this repository, not a fork) into `base`, if any.
    func findOpenPullRequest(head branch: String, base: String) async throws(ForgeError) -> PullRequest?

    /// Opens a pull request for `draft`.
    ///
    /// When the forge answers that one already exists for the branch (GitHub 422, GitLab and
    /// Gitea 409), the existing one is found and brought up to date with the draft's title, body
    /// and labels instead, so calling this twice never opens two.
    func createPullRequest(_ draft: PullRequestDraft) async throws(ForgeError) -> PullRequest

    /// Changes a pull request; `nil` leaves that part as it is, `labels` replaces all labels.
    func updatePullRequest(_ number: Int, title: String?, body: String?, labels: [String]?)
        async throws(ForgeError) -> PullRequest

    /// Adds a comment to a pull request's conversation.
    func comment(on number: Int, body: String) async throws(ForgeError)

    /// Closes a pull request without merging it, after leaving `comment` when given.
    func closePullRequest(_ number: Int, comment: String?) async throws(ForgeError)

    /// Every open pull request whose head branch starts with `headPrefix` (`steward/`), from
    /// this repository only, across all pages of the forge's list.
    func openPullRequests(headPrefix: String) async throws(ForgeError) -> [PullRequest]

    /// Releases the client's connections; the client must not be used afterwards.
    func shutdown() async throws(ForgeError)
}
