import Foundation
import Policy

/// What `steward plan` is asked to do.
package struct PlanRequest: Sendable {
    /// A directory holding the manifests (a checkout of the GitOps repository), or a Git
    /// repository (bare or not) when `revision` is given.
    package var repository: String
    /// A Git revision whose tree is planned, read without a checkout; nil to read the directory.
    package var revision: String?
    /// A profiles file (`docs/profiles.md`).
    package var profiles: String
    /// The cluster whose profiles apply; nil for the configuration's `cluster`, else the only
    /// cluster the profiles cover.
    package var cluster: String?
    /// The policy file, relative to the repository root; nil for the configuration's `policy`,
    /// else ``Policy/defaultPath``.
    package var policy: String?
    /// A configuration file (`docs/inventory.md`); nil for the defaults.
    package var configuration: String?
    /// The moment the plan is made, for the policy's schedule.
    package var now: Date
    /// How a run would group findings into pull requests: `maxChangesPerPullRequest` counts per
    /// group. Nil: the configuration's `publish.groupBy`, else by target.
    package var groupBy: Grouping?

    package init(
        repository: String, profiles: String, cluster: String? = nil, policy: String? = nil,
        configuration: String? = nil, revision: String? = nil, now: Date = Date(), groupBy: Grouping? = nil
    ) {
        self.groupBy = groupBy
        self.revision = revision
        self.repository = repository
        self.profiles = profiles
        self.cluster = cluster
        self.policy = policy
        self.configuration = configuration
        self.now = now
    }
}
