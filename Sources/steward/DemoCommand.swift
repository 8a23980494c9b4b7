import ArgumentParser
import StewardKit

/// `steward demo`: the whole loop on the bundled example repository and profiles.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Steward on the bundled example repository and usage profiles.",
        discussion: """
            Copies examples/demo-repo into a fresh Git repository, plans it with
            examples/demo-profiles.json, and prints the plan and the diff.
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

    func run() throws {
        global.bootstrapLogging()
        let demo = try Demo(examples: examples, workdir: workdir)
        print(try demo.run(), terminator: "")
    }
}
