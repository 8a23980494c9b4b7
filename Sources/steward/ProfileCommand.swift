import ArgumentParser
import StewardKit
import StewardPlanner

/// `steward profile`: usage profiles from Prometheus.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Usage profiles of every container, from Prometheus.",
        subcommands: [Collect.self]
    )

    /// `steward profile collect`.
    struct Collect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Collect usage profiles of every container from Prometheus into a profiles file.",
            discussion: """
                Runs a handful of cluster-wide PromQL queries (their number grows with --window, never
                with the number of containers) against Prometheus, Thanos Query or Mimir, and writes
                the profiles file that 'steward plan --profiles FILE' reads. See docs/profiles.md.

                Exits 1 only when nothing usable came back; failed queries whose numbers are left out,
                and partial responses, are reported as warnings on standard error.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "Prometheus base URL, e.g. http://prometheus:9090 (Thanos and Mimir too).")
        var prometheus: String

        @Option(help: "How far back to look, as a Prometheus duration.")
        var window = "7d"

        @Option(help: "Evaluation step of the usage queries; at least the scrape interval.")
        var step = "5m"

        @Option(help: "End of the window: unix seconds or RFC 3339 (default: now, rounded down to --step).")
        var at: String?

        @Option(help: "Cluster to select with --cluster-label, or to name the profiles after.")
        var cluster: String?

        @Option(help: "Label that names the cluster on every series, e.g. cluster.")
        var clusterLabel: String?

        @Option(help: "CPU rate() window (default: twice --step, at least 1m).")
        var rateWindow: String?

        @Option(help: "File holding a bearer token.")
        var tokenFile: String?

        @Option(help: "File holding one line 'username:password' for Basic auth.")
        var basicAuthFile: String?

        @Option(help: "PEM file of CA certificates to trust for https.")
        var caFile: String?

        @Option(help: "Timeout of one query, retries not included.")
        var timeout = "30s"

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: "Write the profiles here (default: standard output).")
        var output: String?

        func run() async throws {
            global.bootstrapLogging()
            try await ProfileCollect.run(
                ProfileCollectRequest(
                    prometheus: prometheus, window: window, step: step, at: at, cluster: cluster,
                    clusterLabel: clusterLabel, rateWindow: rateWindow, tokenFile: tokenFile,
                    basicAuthFile: basicAuthFile, caFile: caFile, timeout: timeout, output: output))
        }
    }
}
