import Foundation
import Policy

/// What `steward plan` is asked to do.
public struct PlanRequest: Sendable {
    /// A directory holding the manifests (a checkout of the GitOps repository).
    public var repository: String
    /// A profiles file (`docs/profiles.md`).
    public var profiles: String
    /// The cluster whose profiles apply; nil when the profiles cover exactly one cluster.
    public var cluster: String?
    /// The policy file, relative to the repository root.
    public var policy: String
    /// A configuration file (`docs/inventory.md`); nil for the defaults.
    public var configuration: String?
    /// The moment the plan is made, for the policy's schedule.
    public var now: Date

    public init(
        repository: String, profiles: String, cluster: String? = nil, policy: String = Policy.defaultPath,
        configuration: String? = nil, now: Date = Date()
    ) {
        self.repository = repository
        self.profiles = profiles
        self.cluster = cluster
        self.policy = policy
        self.configuration = configuration
        self.now = now
    }
}
