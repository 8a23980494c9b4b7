import ArgumentParser
import StewardKit
import StewardPlanner
import StewardVerify

/// `steward verify`: the CI gate on bot commits.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Check the bot commits of a range: signature, trailers, evidence, and the diff against the policy.",
        discussion: """
            Bot commits carry a Steward-Finding trailer. Each must be signed by a key in the \
            allowed signers, carry its trailers, match its evidence note on refs/notes/steward, \
            and change only what the policy in force at its parent allows. Prints one line per \
            violation and exits 1; see docs/policy.md.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The repository.", valueName: "dir"))
    var repo = "."

    @Option(help: ArgumentHelp("The base, when REV-RANGE is one revision.", valueName: "ref"))
    var base: String?

    @Option(
        help: ArgumentHelp(
            "The keys that may sign bot commits (default: policies/allowed_signers at the base commit).",
            valueName: "file"))
    var allowedSigners: String?

    @Option(help: ArgumentHelp("The policy file in the repository.", valueName: "file"))
    var policy = "policies/steward.yaml"

    @Option(
        help: ArgumentHelp(
            "The configuration file whose inventory section says how the repository is read.",
            valueName: "file"))
    var config: String?

    @Flag(help: "Report commits without the Steward-Finding trailer as violations.")
    var reportHumanCommits = false

    @Argument(help: ArgumentHelp("BASE..HEAD, or one revision checked from --base.", valueName: "rev-range"))
    var range = "HEAD"

    func run() throws {
        global.bootstrapLogging()
        var request = VerifyRequest(
            repository: repo, range: range, base: base, allowedSigners: allowedSigners, policy: policy,
            reportHumanCommits: reportHumanCommits)
        if let config {
            request.inventory = try StewardConfiguration.load(from: config, for: .plan).inventory
        }
        let report = try Verifier(request).run()
        print(report.text, terminator: "")
        if let failure = report.failure { throw failure }
    }
}
