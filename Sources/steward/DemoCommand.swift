import ArgumentParser
import StewardKit

/// `steward demo`: the whole loop on the bundled example repository and profiles.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Steward on the bundled example repository and usage profiles.",
        discussion: """
            Makes a bare Git repository from examples/demo-repo, a fresh signing key, and runs \
            the whole loop with examples/demo-profiles.json: signed commits on steward/<target> \
            branches with evidence notes, checked by git verify-commit and steward verify, and each \
            pull request written to DIR/<branch>.md. With --workdir DIR everything is kept and \
            reused, and the next run changes nothing.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "Keep the demo's files in this directory (reused on the next run).", valueName: "dir"))
    var workdir: String?

    @Option(
        help: ArgumentHelp("The examples directory (default: found next to the sources).", valueName: "dir"))
    var examples: String?

    func run() async throws {
        global.bootstrapLogging()
        let demo = try Demo(examples: examples, workdir: workdir)
        let outcome = try await demo.run()
        print(outcome.text, terminator: "")
        if let failure = outcome.failure { throw failure }
    }
}
