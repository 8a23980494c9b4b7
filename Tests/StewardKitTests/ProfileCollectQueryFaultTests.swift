import Foundation
import Profiles
import PrometheusSimulator
import TestSupport
import Testing

/// One query of a collection failing on every attempt, through the built binary: a failed
/// usage query leaves its numbers out with a warning and exit 0; a failed pod-owner query leaves
/// nothing usable, so exit 1 and no file.
@Suite("steward profile collect when one query keeps failing, against a real Prometheus")
struct ProfileCollectQueryFaultTests {
    static let history = ProfileCollectTests.history
    static let restartsQuery =
        "max_over_time(kube_pod_container_status_restarts_total{cluster=\"prod\"}[1d]) - min_over_time(kube_pod_container_status_restarts_total{cluster=\"prod\"}[1d]) or max_over_time(kube_pod_init_container_status_restarts_total{cluster=\"prod\"}[1d]) - min_over_time(kube_pod_init_container_status_restarts_total{cluster=\"prod\"}[1d])"
    static let restartStepsQuery =
        "(((kube_pod_container_status_restarts_total{cluster=\"prod\"} > 0) - kube_pod_container_status_restarts_total{cluster=\"prod\"} offset 5m) > 0 or ((kube_pod_init_container_status_restarts_total{cluster=\"prod\"} > 0) - kube_pod_init_container_status_restarts_total{cluster=\"prod\"} offset 5m) > 0)[1d:5m]"
    /// The OOM-kill query of the 12-hour chunk that ends a 36-hour window.
    static let lastOOMChunkQuery =
        "(((kube_pod_container_status_restarts_total{cluster=\"prod\"} and on (cluster, namespace, pod, container) (kube_pod_container_status_last_terminated_reason{reason=\"OOMKilled\", cluster=\"prod\"} == 1)) - kube_pod_container_status_restarts_total{cluster=\"prod\"} offset 5m) > 0 or ((kube_pod_init_container_status_restarts_total{cluster=\"prod\"} and on (cluster, namespace, pod, container) (kube_pod_init_container_status_last_terminated_reason{reason=\"OOMKilled\", cluster=\"prod\"} == 1)) - kube_pod_init_container_status_restarts_total{cluster=\"prod\"} offset 5m) > 0)[12h:5m]"
    static let terminationReasonsQuery =
        "group by (cluster, namespace, pod, container) (last_over_time(kube_pod_container_status_last_terminated_reason{cluster=\"prod\"}[1d]) or last_over_time(kube_pod_init_container_status_last_terminated_reason{cluster=\"prod\"}[1d]))"
    static let podOwnersQuery =
        "group by (cluster, namespace, pod, owner_kind, owner_name, owner_is_controller) (last_over_time(kube_pod_owner{cluster=\"prod\"}[1d]))"

    /// The profiles of `prod`'s last day, in the order of the file.
    static let expected = history.expectedProfiles(windowStart: history.end - 86_400, windowEnd: history.end)
        .filter { $0.cluster == "prod" }

    /// The warning a query failing with HTTP 500 on its three attempts leaves; a query longer
    /// than 300 characters is cut there, so that the line stays readable.
    static func warning(_ url: String, path: String, query: String) -> String {
        let shown = query.count > 300 ? "\(query.prefix(300))…" : query
        return "\(url)/api/v1/\(path): query \"\(shown)\" failed: HTTP 500: store unavailable "
            + "(gave up after 3 attempts) (its numbers are missing from the profiles)"
    }

    func collect(_ url: String, output path: String) async throws -> ProfileCollectTests.Run {
        try await ProfileCollectTests.steward([
            "profile", "collect", "--prometheus", url, "--window", "1d", "--at", String(Self.history.end),
            "--cluster-label", "cluster", "--cluster", "prod", "-o", path,
        ])
    }

    @Test("the restarts query fails: exit 0, restarts absent (not zero) everywhere, one warning")
    func restartsQueryFails() async throws {
        let server = try await PrometheusServer.start(history: Self.history)
        defer { server.stop() }
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url,
            faults: [.whereQuery(containing: Self.restartsQuery, .status(500, body: "store unavailable"))])
        defer { proxy.stop() }
        let directory = try TemporaryDirectory("steward-profiles")
        let path = directory.path("profiles.json").path

        let run = try await collect(proxy.url, output: path)

        #expect(run.status == 0, "\(run.standardError)")
        let warning = Self.warning(proxy.url, path: "query", query: Self.restartsQuery)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(run.standardError)")
        #expect(lines.first == "steward: warning: \(warning)")
        let profiles = try UsageProfiles.load(from: path)
        #expect(profiles.source?.warnings == [warning])
        #expect(profiles.profiles.count == 15)
        #expect(profiles.profiles.allSatisfy { $0.restarts == nil })
        // The restart series comes from its own query, which answered: it is still exact.
        #expect(
            profiles.profiles.count { $0.restartSeries != nil } == 3,
            "fraud-model's and cart-redis's OOM kills, cart's crash loop")
        for (profile, expected) in zip(profiles.profiles, Self.expected) {
            #expect(profile.workload.name == expected.name && profile.container == expected.container)
            #expect(profile.restartSeries?.values == expected.restartSeries, "\(expected.name)")
            #expect(profile.oomKills == expected.oomKills, "\(expected.name)")
        }
    }

    @Test("the termination-reasons query fails: the OOM kills of containers that restarted are unknown")
    func terminationReasonsQueryFails() async throws {
        let server = try await PrometheusServer.start(history: Self.history)
        defer { server.stop() }
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url,
            faults: [
                .whereQuery(containing: Self.terminationReasonsQuery, .status(500, body: "store unavailable"))
            ])
        defer { proxy.stop() }
        let directory = try TemporaryDirectory("steward-profiles")
        let path = directory.path("profiles.json").path

        let run = try await collect(proxy.url, output: path)

        #expect(run.status == 0, "\(run.standardError)")
        let warning = Self.warning(proxy.url, path: "query", query: Self.terminationReasonsQuery)
        #expect(
            run.standardError.split(separator: "\n").first.map(String.init) == "steward: warning: \(warning)")
        let profiles = try UsageProfiles.load(from: path)
        #expect(profiles.source?.warnings == [warning])
        #expect(profiles.profiles.count == 15)
        for (profile, expected) in zip(profiles.profiles, Self.expected) {
            #expect(profile.workload.name == expected.name && profile.container == expected.container)
            // Without the reasons, a restart may have been an OOM kill: unknown, not 0.
            let restarted = expected.restartSeries != nil
            #expect(profile.oomKills == (restarted ? nil : expected.oomKills), "\(expected.name)")
            #expect(profile.restartSeries?.values == expected.restartSeries, "\(expected.name)")
        }
    }

    @Test("both restart queries fail: restarts and the restart series absent everywhere, two warnings")
    func restartQueriesFail() async throws {
        let server = try await PrometheusServer.start(history: Self.history)
        defer { server.stop() }
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url,
            faults: [
                .whereQuery(containing: Self.restartsQuery, .status(500, body: "store unavailable")),
                .whereQuery(containing: Self.restartStepsQuery, .status(500, body: "store unavailable")),
            ])
        defer { proxy.stop() }
        let directory = try TemporaryDirectory("steward-profiles")
        let path = directory.path("profiles.json").path

        let run = try await collect(proxy.url, output: path)

        #expect(run.status == 0, "\(run.standardError)")
        let warnings = [
            Self.warning(proxy.url, path: "query", query: Self.restartStepsQuery),
            Self.warning(proxy.url, path: "query", query: Self.restartsQuery),
        ]
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropLast()) == warnings.map { "steward: warning: \($0)" }, "\(run.standardError)")
        let profiles = try UsageProfiles.load(from: path)
        #expect(profiles.source?.warnings == warnings)
        #expect(profiles.profiles.count == 15)
        #expect(profiles.profiles.allSatisfy { $0.restarts == nil && $0.restartSeries == nil })
        // The OOM-kill query still answered: fraud-model's kills are all there.
        for (profile, expected) in zip(profiles.profiles, Self.expected) {
            #expect(profile.oomKills == expected.oomKills, "\(expected.name)")
        }
        #expect(profiles.profiles.contains { ($0.oomKills ?? 0) > 0 })
    }

    @Test("one time chunk of the OOM-kill query fails: OOM kills absent everywhere, not partial sums")
    func oomKillChunkFails() async throws {
        let server = try await PrometheusServer.start(history: Self.history)
        defer { server.stop() }
        // A 36-hour window has a 1-day chunk and a 12-hour one, so the two queries differ.
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url,
            faults: [.whereQuery(containing: Self.lastOOMChunkQuery, .status(500, body: "store unavailable"))]
        )
        defer { proxy.stop() }
        let directory = try TemporaryDirectory("steward-profiles")
        let path = directory.path("profiles.json").path

        let run = try await ProfileCollectTests.steward([
            "profile", "collect", "--prometheus", proxy.url, "--window", "36h", "--at",
            String(Self.history.end), "--cluster-label", "cluster", "--cluster", "prod", "-o", path,
        ])

        #expect(run.status == 0, "\(run.standardError)")
        let warning = Self.warning(proxy.url, path: "query", query: Self.lastOOMChunkQuery)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(run.standardError)")
        #expect(lines.first == "steward: warning: \(warning)")
        let profiles = try UsageProfiles.load(from: path)
        #expect(profiles.source?.warnings == [warning])
        // The chunk that answered found kills: a partial count would have been written.
        let firstChunkEnd = Double(Self.history.end - 12 * 3600)
        let expected = Self.history.expectedProfiles(
            windowStart: Self.history.end - 36 * 3600, windowEnd: Self.history.end)
        #expect(
            expected.contains { ($0.oomKillSeries ?? []).contains { $0[0] <= firstChunkEnd && $0[1] > 0 } })
        #expect(profiles.profiles.count == 15)
        #expect(
            profiles.profiles.allSatisfy {
                $0.oomKills == nil && $0.oomKillSeries == nil && $0.oomKillLimit == nil
            })
        #expect(profiles.profiles.contains { $0.restartSeries != nil })
    }

    @Test("the pod-owner query fails: exit 1 naming the endpoint and the query, no file written")
    func podOwnersQueryFails() async throws {
        let server = try await PrometheusServer.start(history: Self.history)
        defer { server.stop() }
        let proxy = try await PrometheusFaultProxy.start(
            upstream: server.url,
            faults: [.whereQuery(containing: Self.podOwnersQuery, .status(500, body: "store unavailable"))])
        defer { proxy.stop() }
        let directory = try TemporaryDirectory("steward-profiles")
        let path = directory.path("profiles.json").path

        let run = try await collect(proxy.url, output: path)

        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == "steward: error: cannot map pods to workloads: \(proxy.url)/api/v1/query: query \"\(Self.podOwnersQuery)\" failed: HTTP 500: store unavailable (gave up after 3 attempts)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
