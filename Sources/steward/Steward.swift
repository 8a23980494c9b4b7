import ArgumentParser
import StewardKit
import StewardPlanner

/// The root command: `steward <subcommand>`.
struct Steward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steward",
        abstract: "A GitOps repository bot: right-sizes Kubernetes workloads with reviewed pull requests.",
        discussion: """
            Steward reads the desired state from a Git repository, compares it with observed usage,
            and proposes the smallest possible change to the manifests.

            Exit codes: 0 success or nothing to do, 1 failure, 2 wrong usage,
            3 changes proposed (only with --exit-code).
            """,
        version: StewardVersion.current,
        subcommands: [
            PlanCommand.self, RunCommand.self, DemoCommand.self, ProfileCommand.self, PolicyCommand.self,
            VerifyCommand.self,
            YAMLCommand.self,
        ]
    )
}
