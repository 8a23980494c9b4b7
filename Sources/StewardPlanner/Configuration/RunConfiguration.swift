import Forge
import Kubernetes
import Policy

/// What `steward run` reads from its configuration file (`steward.yaml`, `docs/configuration.md`):
/// where the GitOps repository is, how to observe the cluster, how to sign, where to open pull
/// requests, and how to group changes into branches.
///
/// Paths in the file (token files, the signing key, a profiles file) are relative to the file's
/// folder; the policy and the pull-request template are paths inside the repository.
package struct RunConfiguration: Sendable {
    /// The GitOps repository Steward reads and pushes to.
    package var repository: RepositorySettings
    /// The cluster whose usage applies; nil when the profiles cover exactly one.
    package var cluster: String?
    /// The policy file, relative to the repository root.
    package var policy: String
    /// Where the usage profiles come from.
    package var observe: ObservationSettings
    /// The key that signs bot commits, and the name on them.
    package var signing: SigningSettings
    /// Where pull requests are opened.
    package var forge: ForgeConfiguration
    /// How changes become branches and pull requests.
    package var publish: PublishSettings
    /// How the inventory reads the repository (`docs/inventory.md`).
    package var inventory: InventoryOptions

    /// Describes a run; every part but the repository, the observations and the signing key has
    /// a default.
    package init(
        repository: RepositorySettings, cluster: String? = nil, policy: String = Policy.defaultPath,
        observe: ObservationSettings, signing: SigningSettings,
        forge: ForgeConfiguration = ForgeConfiguration(kind: .none),
        publish: PublishSettings = PublishSettings(), inventory: InventoryOptions = InventoryOptions()
    ) {
        self.repository = repository
        self.cluster = cluster
        self.policy = policy
        self.observe = observe
        self.signing = signing
        self.forge = forge
        self.publish = publish
        self.inventory = inventory
    }
}
