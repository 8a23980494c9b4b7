import Foundation
import Kubernetes
import Profiles

/// Everything a plan is made from, read once: `plan`, `run` and `verify` load it the same way
/// (``InputLoader``), and the planner reads nothing else.
package struct PlanInputs: Sendable {
    /// The repository as reports name it: the path or URL given, without credentials.
    package var repository: String
    package var inventory: Inventory
    package var profiles: UsageProfiles
    /// The cluster whose profiles apply.
    package var cluster: String
    package var policy: PolicyState
    /// The commits the regression detector may blame.
    package var history: CommitHistory
    /// How findings share pull requests, which `maxChangesPerPullRequest` counts per.
    package var grouping: Grouping
    /// The moment the plan is made, for the policy's schedule and the regression windows.
    package var now: Date
    /// The `argocd` section of the configuration, when there is one.
    package var argoCD: ArgoCDSettings?
    /// What Argo CD said about the Application targets; nil until read, and without `argocd`.
    package var deployments: DeploymentTimelines?

    package init(
        repository: String, inventory: Inventory, profiles: UsageProfiles, cluster: String,
        policy: PolicyState,
        history: CommitHistory, grouping: Grouping = .target, now: Date = Date(),
        argoCD: ArgoCDSettings? = nil
    ) {
        self.repository = repository
        self.inventory = inventory
        self.profiles = profiles
        self.cluster = cluster
        self.policy = policy
        self.history = history
        self.grouping = grouping
        self.now = now
        self.argoCD = argoCD
    }
}
