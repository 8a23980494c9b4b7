/// Limits on what one run may publish.
public struct PolicyLimits: Sendable, Hashable {
    /// The most bot pull requests open at once; a run opens no new one beyond it.
    public var maxOpenPullRequests: Int?
    /// The most field changes one pull request may carry; findings that do not fit wait.
    public var maxChangesPerPullRequest: Int?

    public init(maxOpenPullRequests: Int? = nil, maxChangesPerPullRequest: Int? = nil) {
        self.maxOpenPullRequests = maxOpenPullRequests
        self.maxChangesPerPullRequest = maxChangesPerPullRequest
    }
}
