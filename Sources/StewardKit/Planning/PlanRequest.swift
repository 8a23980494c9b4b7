/// What `steward plan` is asked to do.
public struct PlanRequest: Sendable {
    /// A directory holding the manifests (a checkout of the GitOps repository).
    public var repository: String
    /// A profiles file (`docs/profiles.md`).
    public var profiles: String
    /// The cluster whose profiles apply; nil when the profiles cover exactly one cluster.
    public var cluster: String?

    public init(repository: String, profiles: String, cluster: String? = nil) {
        self.repository = repository
        self.profiles = profiles
        self.cluster = cluster
    }
}
