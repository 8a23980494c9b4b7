import Kubernetes
import Policy

/// What `steward verify` is asked to check.
package struct VerifyRequest: Sendable {
    /// The repository (a working tree or bare repository).
    package var repository: String
    /// `BASE..HEAD`, or one revision checked from `base`.
    package var range: String
    /// The base when `range` is one revision.
    package var base: String?
    /// An allowed-signers file on disk; nil reads `policies/allowed_signers` from the base commit.
    package var allowedSigners: String?
    /// The policy file in the repository.
    package var policy: String
    /// Report commits without the `Steward-Finding` trailer as violations instead of ignoring them.
    package var reportHumanCommits: Bool
    /// How the inventory reads the repository (the patch file's name, cluster names), as
    /// `steward.yaml` configures it for `plan` and `run`.
    package var inventory: InventoryOptions

    /// Where the allowed signers are read from the base commit when no file is given.
    package static let allowedSignersPath = "policies/allowed_signers"

    package init(
        repository: String = ".", range: String = "HEAD", base: String? = nil, allowedSigners: String? = nil,
        policy: String = Policy.defaultPath, reportHumanCommits: Bool = false,
        inventory: InventoryOptions = InventoryOptions()
    ) {
        self.repository = repository
        self.range = range
        self.base = base
        self.allowedSigners = allowedSigners
        self.policy = policy
        self.reportHumanCommits = reportHumanCommits
        self.inventory = inventory
    }
}
