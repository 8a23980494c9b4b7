import ArgumentParser
import StewardKit
import StewardPlanner

/// `steward policy init|check|test`: authoring the policy file in the repository.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Write, check and test the policy that decides what Steward may change.",
        discussion: """
            The policy lives in the repository (policies/steward.yaml) and is reviewed like code; \
            see docs/policy.md. Without one, Steward proposes changes but allows none.
            """,
        subcommands: [Init.self, Check.self, Test.self]
    )

    /// `steward policy init`.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the documented default policy and its test cases into the repository.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The repository's root folder.", valueName: "dir"))
        var repo = "."

        @Flag(help: "Replace policy files that already exist.")
        var force = false

        func run() throws {
            global.bootstrapLogging()
            print(try PolicyInitializer(repository: repo, force: force).run(), terminator: "")
        }
    }

    /// `steward policy check FILE...`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check policy files (and policy test files) for errors, with file:line:column.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Policy or policy test files.", valueName: "file"))
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Missing expected argument '<file> ...'") }
        }

        func run() throws {
            global.bootstrapLogging()
            let result = PolicyChecker.check(files)
            print(result.report, terminator: "")
            if result.failedFiles > 0 {
                let files = result.failedFiles == 1 ? "1 file has" : "\(result.failedFiles) files have"
                throw StewardError.invalidInput(
                    "\(files) \(result.errorCount) error\(result.errorCount == 1 ? "" : "s")")
            }
        }
    }

    /// `steward policy test [DIR]`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the policy test cases (kind: PolicyTest) under a folder.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The folder holding the policies and their cases.", valueName: "dir"))
        var directory = "policies"

        func run() throws {
            global.bootstrapLogging()
            let (report, failure) = PolicyTester.run(directory: directory)
            print(report, terminator: "")
            if let failure { throw failure }
        }
    }
}
