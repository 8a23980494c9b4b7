import Foundation
import Profiles
import PrometheusSimulator
import TestSupport
import Testing

@Suite("steward profile collect, the built binary against a real Prometheus")
struct ProfileCollectTests {
    static let history = ClusterHistory.fixture()
    static var at: String { String(history.end) }

    func start() async throws -> PrometheusServer {
        try await PrometheusServer.start(history: Self.history)
    }

    /// `steward: collected N profiles (M insufficient) from Q queries in S s[, wrote F]`.
    func expectSummary(_ stderr: String, profiles: Int, insufficient: Int, queries: Int, wrote: String? = nil)
    {
        let last = stderr.split(separator: "\n").last.map(String.init) ?? ""
        let prefix =
            "steward: collected \(profiles) profiles (\(insufficient) insufficient) from \(queries) queries in "
        #expect(last.hasPrefix(prefix), "\(stderr)")
        #expect(last.hasSuffix(wrote.map { " s, wrote \($0)" } ?? " s"), "\(stderr)")
    }

    @Test("profiles of one cluster on standard output, a summary on standard error")
    func standardOutput() async throws {
        let server = try await start()
        defer { server.stop() }
        let run = try await Self.steward([
            "profile", "collect", "--prometheus", server.url, "--window", "1d", "--at", Self.at,
            "--cluster-label", "cluster", "--cluster", "prod",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let profiles = try UsageProfiles.decode(Data(run.standardOutput.utf8), path: "stdout")
        #expect(profiles.profiles.count == 15)
        #expect(
            profiles.window == Window(start: Double(Self.history.end - 86_400), end: Double(Self.history.end))
        )
        #expect(profiles.source?.collector == "steward 0.1.0")
        #expect(profiles.source?.prometheus == server.url)
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        expectSummary(run.standardError, profiles: 15, insufficient: 1, queries: 19)
    }

    @Test("-o writes the file that UsageProfiles.load reads, and nothing to standard output")
    func outputFile() async throws {
        let server = try await start()
        defer { server.stop() }
        let directory = try TemporaryDirectory("steward-profiles")
        let path = directory.path("profiles.json").path
        let run = try await Self.steward([
            "profile", "collect", "--prometheus", server.url, "--window", "1d", "--step", "5m",
            "--at", "2026-09-23T00:00:00Z", "--cluster-label", "cluster", "-o", path, "--timeout", "10s",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "")
        let profiles = try UsageProfiles.load(from: path)
        #expect(Set(profiles.profiles.map(\.cluster)) == ["prod", "staging"])
        expectSummary(run.standardError, profiles: 16, insufficient: 1, queries: 19, wrote: path)
    }

    @Test("Prometheus down: exit 1 naming the endpoint and the query, the old file kept")
    func down() async throws {
        let proxy = try await PrometheusFaultProxy.start(upstream: "http://127.0.0.1:9", faults: [])
        let url = proxy.url
        proxy.stop()
        let directory = try TemporaryDirectory("steward-profiles")
        let path = try directory.write("profiles", "previous").path
        let run = try await Self.steward([
            "profile", "collect", "--prometheus", url, "--at", Self.at, "-o", path,
        ])
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        let error = run.standardError
        #expect(
            error.hasPrefix(
                "steward: error: cannot map pods to workloads: \(url)/api/v1/query: query \"group by (namespace, pod, owner_kind, owner_name, owner_is_controller) (last_over_time(kube_pod_owner[7d]))\" failed: cannot connect: "
            ),
            "\(error)")
        #expect(error.hasSuffix(" (gave up after 3 attempts)\n"), "\(error)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
    }

    @Test("a partial response: exit 0, the warning on standard error and in the file")
    func partialResponse() async throws {
        let server = try await start()
        defer { server.stop() }
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url, faults: [.warnings(["partial response: store eu-2 down"])])
        defer { proxy.stop() }
        let run = try await Self.steward([
            "profile", "collect", "--prometheus", proxy.url, "--window", "1d", "--at", Self.at,
            "--cluster-label", "cluster",
        ])
        #expect(run.status == 0)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "steward: warning: Prometheus warning: partial response: store eu-2 down")
        let profiles = try UsageProfiles.decode(Data(run.standardOutput.utf8), path: "stdout")
        #expect(profiles.source?.warnings == ["Prometheus warning: partial response: store eu-2 down"])
    }

    @Test("a token file is used and never printed, even when a proxy echoes it")
    func tokenNeverPrinted() async throws {
        let server = try await start()
        defer { server.stop() }
        let secret = "tok-\(UUID().uuidString)"
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url, faults: [.requireAuthorization("Bearer other", echo: true)])
        defer { proxy.stop() }
        let directory = try TemporaryDirectory("steward-token")
        let file = try directory.write("token", secret).path
        let run = try await Self.steward([
            "profile", "collect", "--prometheus", proxy.url, "--at", Self.at, "--token-file", file,
            "--log-level", "trace",
        ])
        #expect(run.status == 1)
        #expect(proxy.authorizations.first == "Bearer \(secret)")
        #expect(run.standardError.contains("HTTP 401: unauthorized: got Authorization: Bearer <redacted>"))
        #expect(!run.standardError.contains(secret) && !run.standardOutput.contains(secret))
    }

    @Test(
        "bad options: exit 1 with the option named, nothing written",
        arguments: [
            (
                ["--window", "7x"],
                "steward: error: --window 7x: expected a duration such as 30s, 5m, 1h30m or 7d\n"
            ),
            (["--step", "2d", "--window", "1d"], "steward: error: --step 2d is longer than --window 1d\n"),
            (
                ["--at", "yesterday"],
                "steward: error: --at yesterday: expected unix seconds or an RFC 3339 time such as 2026-09-23T00:00:00Z\n"
            ),
            (
                ["--token-file", "/nonexistent/token"],
                "steward: error: cannot read the token file /nonexistent/token\n"
            ),
            (
                ["--ca-file", "/nonexistent/ca.pem"],
                "steward: error: cannot read the CA file /nonexistent/ca.pem\n"
            ),
            (
                ["--token-file", "/a", "--basic-auth-file", "/b"],
                "steward: error: --token-file and --basic-auth-file exclude each other\n"
            ),
        ])
    func badOptions(arguments: [String], message: String) async throws {
        let run = try await Self.steward(
            ["profile", "collect", "--prometheus", "http://127.0.0.1:9"] + arguments)
        #expect(run.status == 1)
        #expect(run.standardError == message)
        #expect(run.standardOutput == "")
    }

    @Test("a bad URL is refused before any request")
    func badURL() async throws {
        let run = try await Self.steward(["profile", "collect", "--prometheus", "prometheus:9090"])
        #expect(run.status == 1)
        #expect(
            run.standardError
                == "steward: error: --prometheus prometheus:9090: expected an http:// or https:// URL\n")
    }
}
