import Foundation
import Profiles
import PrometheusSimulator
import TestSupport
import Testing

@Suite("Profiles collected from a real Prometheus match the generator's model")
struct ProfileCollectorTests {
    @Test("every workload container of prod, against the expected values")
    func matchesExpectedProfiles() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let history = FixtureServer.history
        let expected = history.expectedProfiles(windowStart: history.end - 86_400, windowEnd: history.end)
            .filter { $0.cluster == "prod" }
        let profiles = collection.profiles.profiles
        #expect(profiles.map(Self.name) == expected.map(Self.name))
        for (profile, expected) in zip(profiles, expected) {
            Self.compare(profile, expected)
        }
        #expect(
            collection.profiles.window
                == Window(start: Double(history.end - 86_400), end: Double(history.end)))
        #expect(collection.warnings == [])

        // Where every pod runs through the whole window without a restart, Prometheus' rate() has
        // nothing to extrapolate: the numbers must then equal the model's, not just be close.
        let steady = Set(
            history.workloads.filter { workload in
                workload.pods.allSatisfy { $0.birth < history.end - 86_400 && $0.death > history.end }
            }.map { "\($0.cluster)/\($0.namespace)/\($0.kind)/\($0.name)" })
        var strict = 0
        for (profile, expected) in zip(profiles, expected)
        where steady.contains("prod/\(expected.namespace)/\(expected.kind)/\(expected.name)")
            && expected.restarts == 0 && expected.cpu != nil
        {
            strict += 1
            let cpu = try #require(profile.cpu)
            for (actual, wanted) in zip([cpu.p50, cpu.p90, cpu.p95, cpu.p99, cpu.max], expected.cpu!) {
                #expect(
                    Self.close(actual, wanted, relative: 1e-9),
                    "\(Self.name(profile)): \(actual) vs \(wanted)")
            }
            #expect(cpu.samples == expected.cpuSamples, "\(Self.name(profile)) CPU samples")
            #expect(profile.memory?.samples == expected.memorySamples, "\(Self.name(profile)) memory samples")
            #expect(profile.memory?.p95 == expected.memory?[1], "\(Self.name(profile)) memory p95")
        }
        #expect(strict == 7, "web (2 containers), checkout, ledger, search, node-agent, debug-shell")
    }

    @Test("a cluster label keeps clusters apart, and --cluster selects one")
    func clusterSelection() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let both = try await FixtureServer.collect(fixture.server.url)
        #expect(Set(both.profiles.profiles.map(\.cluster)) == ["prod", "staging"])
        let staging = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "staging"))
        #expect(staging.profiles.profiles.map(Self.name) == ["staging/shop/Deployment/web/app"])
        #expect(staging.profiles.source?.cluster == "staging")
        #expect(
            staging.profiles.source?.queries?.allSatisfy {
                !$0.contains("kube_") || $0.contains("cluster=\"staging\"")
            } == true)
        let history = FixtureServer.history
        let expected = history.expectedProfiles(windowStart: history.end - 86_400, windowEnd: history.end)
        Self.compare(staging.profiles.profiles[0], expected.first { $0.cluster == "staging" }!)
    }

    @Test("a workload without samples is marked insufficient, with no made-up numbers")
    func insufficientWorkload() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let ghost = try #require(collection.profiles.profiles.first { $0.workload.name == "ghost" })
        #expect(
            ghost.insufficient == ["no CPU usage samples in the window", "no memory samples in the window"])
        #expect(ghost.cpu == nil && ghost.memory == nil && ghost.memorySeries == nil && ghost.coverage == nil)
        #expect(ghost.requests == ResourceAmounts(cpu: 0.1, memory: 134_217_728))
        #expect(collection.insufficientCount == 1)
        let web = try #require(
            collection.profiles.profiles.first { $0.workload.name == "web" && $0.container == "app" })
        #expect(
            web.coverage
                == Coverage(
                    seconds: 86_400, ratio: 1, first: FixtureServer.windowEnd - 86_100,
                    last: FixtureServer.windowEnd))
    }

    @Test("an init container and a native sidecar are profiled like any container")
    func initContainers() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let catalog = collection.profiles.profiles.filter { $0.workload.name == "catalog" }
        #expect(catalog.map(\.container) == ["app", "log-shipper", "migrate"])
        let history = FixtureServer.history
        let expected = history.expectedProfiles(windowStart: history.end - 86_400, windowEnd: history.end)
            .filter { $0.cluster == "prod" && $0.name == "catalog" }
        for (profile, expected) in zip(catalog, expected) {
            Self.compare(profile, expected)
        }
        // migrate ran 20 minutes after each of the two pod starts of the rollout; its requests and
        // limits come from kube-state-metrics' init-container series.
        let migrate = try #require(catalog.last)
        #expect(migrate.isSufficient)
        #expect(migrate.memory?.max == Double(96 * 1_048_576))
        #expect(Self.close(migrate.cpu?.p95, 0.3, relative: 1e-9), "\(String(describing: migrate.cpu))")
        #expect(migrate.requests == ResourceAmounts(cpu: 0.3, memory: 128 * 1_048_576))
        #expect(migrate.limits == ResourceAmounts(cpu: 1, memory: 256 * 1_048_576))
        #expect(migrate.restarts == 0)
        #expect(migrate.coverage?.first == Double(history.end - 9 * 3600))
        // The last sample, one step after it stopped: Prometheus still returns the last working
        // set for its 5-minute lookback.
        #expect(
            migrate.coverage?.last
                == Double(history.end - 9 * 3600 + ClusterHistory.fixtureCatalogMigrationSeconds))
        let sidecar = try #require(catalog.first { $0.container == "log-shipper" })
        #expect(sidecar.requests == ResourceAmounts(cpu: 0.05, memory: 64 * 1_048_576))
        #expect(sidecar.restarts == 0)
    }

    @Test(
        "the number of queries grows with the window, not with the cluster",
        arguments: [("1d", 19), ("2d", 28)])
    func queryCount(window: String, queries: Int) async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        var options = FixtureServer.options(window: window)
        options.recordStatistics = true
        let collection = try await FixtureServer.collect(fixture.server.url, options: options)
        // 10 whole-window queries, and per 288-step chunk: CPU, memory, memory peaks, OOM kills,
        // the memory limit at them, restarts and the three probe queries.
        #expect(collection.queries.count == queries)
        #expect(collection.queries.allSatisfy { $0.error == nil })
        let peak = collection.queries.compactMap { $0.statistics?.peakSamples }.max() ?? 0
        #expect(peak > 0 && peak < 1_000_000, "peak samples \(peak)")
        #expect(collection.queries.filter { $0.endpoint == "query_range" }.count == 6 * (queries - 10) / 9)
    }

    @Test("the profiles file round-trips through UsageProfiles.load with sorted keys")
    func fileRoundTrip() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(fixture.server.url)
        let data = try collection.profiles.encoded()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID()).json")
            .path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try UsageProfiles.load(from: path)
        #expect(loaded == collection.profiles)
        let again = try await FixtureServer.collect(fixture.server.url)
        #expect(try again.profiles.encoded() == data, "two runs over the same data write the same bytes")
    }

    static func name(_ profile: UsageProfile) -> String {
        "\(profile.cluster)/\(profile.namespace)/\(profile.workload.kind)/\(profile.workload.name)/\(profile.container)"
    }

    static func name(_ profile: ExpectedProfile) -> String {
        "\(profile.cluster)/\(profile.namespace)/\(profile.kind)/\(profile.name)/\(profile.container)"
    }

    static func close(_ actual: Double?, _ expected: Double?, relative: Double) -> Bool {
        guard let actual, let expected else { return actual == nil && expected == nil }
        return abs(actual - expected) <= relative * abs(expected)
    }

    static func compare(
        _ profile: UsageProfile, _ expected: ExpectedProfile,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let name = Self.name(profile)
        if let cpu = expected.cpu {
            let actual = profile.cpu
            #expect(
                close(actual?.p95, cpu[2], relative: 0.01),
                "\(name) p95 CPU \(String(describing: actual?.p95)) vs \(cpu[2])",
                sourceLocation: sourceLocation)
            #expect(
                close(actual?.p50, cpu[0], relative: 0.01),
                "\(name) p50 CPU \(String(describing: actual?.p50)) vs \(cpu[0])",
                sourceLocation: sourceLocation)
            #expect(
                close(actual?.p90, cpu[1], relative: 0.02), "\(name) p90 CPU", sourceLocation: sourceLocation)
            #expect(
                close(actual?.p99, cpu[3], relative: 0.02), "\(name) p99 CPU", sourceLocation: sourceLocation)
            // Counted per pod and step; rate() needs two samples, so a new container's first is
            // missing. The model has no rate for the two steps after a restart, where Prometheus
            // still has the dead instance's (the crash loop restarts every other step).
            #expect(
                abs((actual?.samples ?? 0) - expected.cpuSamples) <= 2 * 6 + 2 * expected.restarts,
                "\(name) CPU samples \(actual?.samples ?? 0) vs \(expected.cpuSamples)",
                sourceLocation: sourceLocation)
        } else {
            #expect(
                profile.cpu == nil, "\(name) has CPU numbers without samples", sourceLocation: sourceLocation)
        }
        if let memory = expected.memory {
            #expect(
                profile.memory?.max == memory[2],
                "\(name) memory max \(String(describing: profile.memory?.max)) vs \(memory[2])",
                sourceLocation: sourceLocation)
            #expect(
                close(profile.memory?.p95, memory[1], relative: 0.01), "\(name) memory p95",
                sourceLocation: sourceLocation)
            #expect(
                close(profile.memory?.p50, memory[0], relative: 0.01), "\(name) memory p50",
                sourceLocation: sourceLocation)
            #expect(profile.memorySeries?.step == "1h", sourceLocation: sourceLocation)
            let hours = profile.memorySeries?.values.count ?? 0
            #expect(
                profile.coverage?.ratio == 1 ? hours == 24 : (1...24).contains(hours),
                "\(name) hourly points",
                sourceLocation: sourceLocation)
            #expect(
                profile.memorySeries?.values.map { $0[1] }.max() == memory[2], sourceLocation: sourceLocation)
        } else {
            #expect(profile.memory == nil, sourceLocation: sourceLocation)
            #expect(profile.memorySeries == nil, sourceLocation: sourceLocation)
        }
        #expect(profile.restarts == expected.restarts, "\(name) restarts", sourceLocation: sourceLocation)
        #expect(
            profile.restartSeries == expected.restartSeries.map { Series(step: "5m", values: $0) },
            "\(name) restart series", sourceLocation: sourceLocation)
        #expect(
            profile.oomKillSeries == expected.oomKillSeries.map { Series(step: "5m", values: $0) },
            "\(name) OOM-kill series", sourceLocation: sourceLocation)
        #expect(
            profile.oomKillLimit == expected.oomKillLimit, "\(name) OOM-kill limit",
            sourceLocation: sourceLocation)
        #expect(profile.oomKills == expected.oomKills, "\(name) OOM kills", sourceLocation: sourceLocation)
        #expect(
            profile.requests?.cpu == expected.requests.cpu, "\(name) CPU request",
            sourceLocation: sourceLocation)
        #expect(
            profile.requests?.memory == expected.requests.memory, "\(name) memory request",
            sourceLocation: sourceLocation)
        #expect(
            profile.limits?.cpu == expected.limits.cpu, "\(name) CPU limit", sourceLocation: sourceLocation)
        #expect(
            profile.limits?.memory == expected.limits.memory, "\(name) memory limit",
            sourceLocation: sourceLocation)
        if let ratio = expected.throttlingRatio {
            #expect(
                close(profile.throttlingRatio, ratio, relative: 0.03)
                    || abs((profile.throttlingRatio ?? -1) - ratio) < 0.001,
                "\(name) throttling \(String(describing: profile.throttlingRatio)) vs \(ratio)",
                sourceLocation: sourceLocation)
        } else {
            #expect(
                profile.throttlingRatio == nil, "\(name) throttling without a CPU limit",
                sourceLocation: sourceLocation)
        }
        let rollouts = profile.rollouts?.map { [$0.replicaSet, String(Int64($0.created))] } ?? []
        #expect(
            rollouts == expected.rollouts.map { [$0.0, String($0.1)] }, "\(name) rollouts",
            sourceLocation: sourceLocation)
        #expect(
            profile.isSufficient == (expected.cpu != nil && expected.memory != nil), "\(name) sufficiency",
            sourceLocation: sourceLocation)
    }
}
