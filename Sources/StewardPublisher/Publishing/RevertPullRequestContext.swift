/// What the revert pull-request template sees; every value already formatted as text.
struct RevertPullRequestContext: Sendable {
    struct Entry: Sendable {
        var name: String
        var value: String
    }

    struct EntryList: Sendable {
        var items: [Entry]
    }

    /// The paragraph about the rollback in Argo CD.
    struct Rollback: Sendable {
        var text: String
    }

    var title: String
    /// The reverted commit, full and short.
    var commit: String
    var short: String
    var subject: String
    var author: String
    var date: String
    /// `shop/Deployment/web`.
    var workload: String
    var container: String
    var reason: String
    var evidence: EntryList?
    /// What became of the rollback in Argo CD, when there was one to consider.
    var rollback: Rollback?
    var policy: String
    var branch: String
    var base: String
    var lastCommit: String
    var run: String
}
