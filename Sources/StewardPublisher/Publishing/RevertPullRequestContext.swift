/// What the revert pull-request template sees; every value already formatted as text.
struct RevertPullRequestContext: Sendable {
    struct Entry: Sendable {
        var name: String
        var value: String
    }

    struct EntryList: Sendable {
        var items: [Entry]
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
    var policy: String
    var branch: String
    var base: String
    var lastCommit: String
    var run: String
}
