/// What `steward plan` is asked to do.
public struct PlanRequest: Sendable {
    /// A directory holding the manifests (a checkout of the GitOps repository).
    public var repository: String
    /// A profiles file (`docs/profiles.md`).
    public var profiles: String
    /// The cluster whose profiles apply; nil when the profiles cover exactly one cluster.
    public var cluster: String?
    /// A configuration file (`docs/inventory.md`); nil for the defaults.
    public var configuration: String?

    public init(repository: String, profiles: String, cluster: String? = nil, configuration: String? = nil) {
        self.repository = repository
        self.profiles = profiles
        self.cluster = cluster
        self.configuration = configuration
    }
}
