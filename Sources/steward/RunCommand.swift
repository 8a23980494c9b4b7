import ArgumentParser
import Foundation
import StewardKit
import StewardPlanner

/// `steward run`: the loop a CronJob runs.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Plan, commit, push and open pull requests: the loop a CronJob runs.",
        discussion: """
            Fetches the repository of --config, observes usage (a profiles file or Prometheus), plans \
            with the repository's policy, and publishes one bot branch and pull request per group: \
            signed commits with evidence notes, pushed with a lease, never over someone else's commit. \
            Outside the policy's schedule it only plans. Prints a report and, as its last line, a \
            JSON summary. Exit codes: 0 done (also when nothing changed), 1 a failure (a branch \
            could not be published, a policy that does not load, an unreachable remote or forge). \
            See docs/publishing.md and docs/configuration.md.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The configuration file (see docs/configuration.md).", valueName: "file"))
    var config = "steward.yaml"

    @Flag(help: "Decide everything, push nothing, write nothing to the forge.")
    var dryRun = false

    func run() async throws {
        global.bootstrapLogging()
        let report: RunReport
        do {
            let configuration = try StewardConfiguration.load(from: config, for: .run)
            report = try await Runner(RunRequest(configuration: configuration, dryRun: dryRun)).run()
        } catch {
            print(RunReport.failureLine(error.message))
            throw error
        }
        print(report.text, terminator: "")
        if report.exitStatus != .success {
            throw ExitCode(report.exitStatus.rawValue)
        }
    }
}
