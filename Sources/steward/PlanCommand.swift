import ArgumentParser
import StewardKit
import StewardPlanner
import StewardReports

/// `steward plan`: a dry run that prints findings, proposed values and the diff.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what Steward would change, without writing anything.",
        discussion: """
            Reads the manifests under --repo, the usage profiles from --profiles, and prints for
            each container the current and the proposed requests and limits, then a unified diff
            that `git apply` accepts at the repository root.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The repository checkout to read manifests from.", valueName: "dir"))
    var repo: String

    @Option(help: ArgumentHelp("A usage profiles file (see docs/profiles.md).", valueName: "file"))
    var profiles: String

    @Option(
        help:
            "The cluster whose profiles apply (default: cluster of --config; needed when the file covers several)."
    )
    var cluster: String?

    @Option(
        help: ArgumentHelp(
            "The policy file, relative to the repository root (see docs/policy.md; default: policy of --config, "
                + "else policies/steward.yaml).", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("A configuration file (see docs/inventory.md).", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Plan the tree of this Git revision of --repo (a repository, bare or not), without a checkout.",
            valueName: "rev"))
    var ref: String?

    @Option(
        help: ArgumentHelp(
            "How a run groups findings into pull requests (target, namespace, workload, all; default: "
                + "publish.groupBy of --config, else target); spec.limits.maxChangesPerPullRequest counts per group.",
            valueName: "grouping"))
    var groupBy: Grouping?

    @Option(help: "Output format: text or json.")
    var format: PlanRenderer.Format = .text

    @Flag(help: "Exit with 3 when the plan proposes changes (for CI).")
    var exitCode = false

    func run() async throws {
        global.bootstrapLogging()
        let plan = try await Planner().plan(
            PlanRequest(
                repository: repo, profiles: profiles, cluster: cluster, policy: policy, configuration: config,
                revision: ref, groupBy: groupBy))
        print(PlanRenderer.render(plan, as: format), terminator: "")
        if let failure = plan.policyFailure {
            throw failure
        }
        if let failure = plan.unreadableFailure {
            throw failure
        }
        if exitCode && plan.proposesChanges {
            throw ExitCode(ExitStatus.changesProposed.rawValue)
        }
    }
}

extension PlanRenderer.Format: ExpressibleByArgument {}
extension Grouping: ExpressibleByArgument {}
