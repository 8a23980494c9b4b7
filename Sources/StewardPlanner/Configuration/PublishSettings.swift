/// How a run turns findings into branches and pull requests.
package struct PublishSettings: Sendable, Equatable {
    /// Branches are `<branchPrefix><group>` (`steward/shop`); the prefix ends with `/` or `-`.
    package var branchPrefix: String
    /// Which findings share a branch.
    package var groupBy: Grouping
    /// Labels every bot pull request carries.
    package var labels: [String]
    /// A Mustache template in the repository that replaces the bundled pull-request template.
    package var template: String
    /// The same for revert pull requests.
    package var revertTemplate: String

    /// Where a repository overrides the pull-request body by default.
    package static let defaultTemplatePath = ".steward/pull-request.md.mustache"
    /// Where a repository overrides the revert pull-request body by default.
    package static let defaultRevertTemplatePath = ".steward/revert-pull-request.md.mustache"

    /// Describes publishing; the defaults are `steward/`, one branch per target, label `steward`.
    package init(
        branchPrefix: String = "steward/", groupBy: Grouping = .target, labels: [String] = ["steward"],
        template: String = PublishSettings.defaultTemplatePath,
        revertTemplate: String = PublishSettings.defaultRevertTemplatePath
    ) {
        self.branchPrefix = branchPrefix
        self.groupBy = groupBy
        self.labels = labels
        self.template = template
        self.revertTemplate = revertTemplate
    }
}

/// Which findings share one branch and one pull request.
package enum Grouping: String, Sendable, Equatable, CaseIterable {
    /// One branch per target, what one Argo CD Application or Flux Kustomization deploys:
    /// `steward/shop-prod`.
    case target
    /// One branch per namespace: `steward/shop`.
    case namespace
    /// One branch per workload: `steward/shop-web`.
    case workload
    /// One branch for everything: `steward/all`.
    case all
}
