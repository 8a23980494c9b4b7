import Forge
import Kubernetes
import Policy

/// Steward's configuration file (`steward.yaml`, `--config`; `docs/configuration.md`): where the
/// GitOps repository is, how to observe the cluster, how to sign, where to open pull requests,
/// how to group changes, and how the inventory reads the repository.
///
/// `steward plan` and `steward verify` use the inventory and the grouping; `steward run` also
/// needs the repository, the observations and the signing key, which are nil when a file
/// written for `plan` leaves them out. Paths in the file (token files, the signing key, a
/// profiles file) are relative to the file's folder; the policy and the pull-request templates
/// are paths inside the repository.
package struct StewardConfiguration: Sendable {
    /// The GitOps repository Steward reads and pushes to.
    package var repository: RepositorySettings?
    /// The cluster whose usage applies; nil when the profiles cover exactly one.
    package var cluster: String?
    /// The policy file, relative to the repository root.
    package var policy: String
    /// Where the usage profiles come from.
    package var observe: ObservationSettings?
    /// The key that signs bot commits, and the name on them.
    package var signing: SigningSettings?
    /// Where pull requests are opened.
    package var forge: ForgeConfiguration
    /// How changes become branches and pull requests.
    package var publish: PublishSettings
    /// How the inventory reads the repository (`docs/inventory.md`).
    package var inventory: InventoryOptions
    /// The Argo CD whose Application histories date deployments and which rollbacks go to; nil
    /// when Steward does not talk to Argo CD.
    package var argoCD: ArgoCDSettings?

    /// Describes a configuration; every part has a default, and `steward run` needs the
    /// repository, the observations and the signing key.
    package init(
        repository: RepositorySettings? = nil, cluster: String? = nil, policy: String = Policy.defaultPath,
        observe: ObservationSettings? = nil, signing: SigningSettings? = nil,
        forge: ForgeConfiguration = ForgeConfiguration(kind: .none),
        publish: PublishSettings = PublishSettings(), inventory: InventoryOptions = InventoryOptions(),
        argoCD: ArgoCDSettings? = nil
    ) {
        self.repository = repository
        self.cluster = cluster
        self.policy = policy
        self.observe = observe
        self.signing = signing
        self.forge = forge
        self.publish = publish
        self.inventory = inventory
        self.argoCD = argoCD
    }
}
