import Foundation
import Profiles
import PrometheusSimulator
import TestSupport
import Testing

@testable import PrometheusAPI

/// The fixture as another cluster would have it: kube-state-metrics without
/// `…_status_last_terminated_reason` (dropped by `--metric-denylist`), and a cAdvisor scraped
/// often enough to see a 30-second memory spike between two of the collection's 5-minute steps.
@Suite("Restarts without termination reasons, and memory peaks between steps, from a real Prometheus")
struct ProfileCollectorPeakAndReasonTests {
    static let mebibyte = 1_048_576.0
    /// 700 MiB for 30 seconds, 2 minutes after a step 5 hours before the end; `web`'s `app`
    /// otherwise stays near 300 MiB.
    static let spike = MemorySpike(
        at: ClusterHistory.fixture().end - 5 * 3600 + 120, seconds: 30, bytes: 700 * mebibyte)
    static let history = ClusterHistory.fixture(terminatedReasons: false, webMemorySpikes: [spike])
    /// The same cluster with every series the fixture has: what the dating must not depend on.
    static let complete = ClusterHistory.fixture()

    static func expected(_ history: ClusterHistory) -> [ExpectedProfile] {
        history.expectedProfiles(windowStart: history.end - 86_400, windowEnd: history.end)
            .filter { $0.cluster == "prod" }
    }

    func collect() async throws -> [UsageProfile] {
        let server = try await PrometheusServer.start(history: Self.history)
        defer { server.stop() }
        let collection = try await FixtureServer.collect(
            server.url, options: FixtureServer.options(cluster: "prod"))
        #expect(collection.warnings == [])
        return collection.profiles.profiles
    }

    @Test("restarts are counted and dated from the restart counter alone; OOM kills are unknown")
    func restartsWithoutReasons() async throws {
        let profiles = try await collect()
        let expected = Self.expected(Self.history)
        let withReasons = Self.expected(Self.complete)
        #expect(profiles.map(ProfileCollectorTests.name) == expected.map(ProfileCollectorTests.name))
        for (profile, expected) in zip(profiles, expected) {
            ProfileCollectorTests.compare(profile, expected)
        }
        // Every restart at the step it happened, as with the reasons.
        for (profile, wanted) in zip(profiles, withReasons) {
            let name = ProfileCollectorTests.name(profile)
            #expect(profile.restartSeries?.values == wanted.restartSeries, "\(name) restart series")
            #expect(profile.restarts == wanted.restarts, "\(name) restarts")
        }
        let cart = try #require(profiles.first { $0.workload.name == "cart" })
        let change = Double(ClusterHistory.fixtureCartChange)
        let steps = try #require(cart.restartSeries).values
        #expect(steps.filter { $0[0] <= change }.allSatisfy { $0[1] == 0 })
        #expect(steps.filter { $0[0] > change }.reduce(0) { $0 + $1[1] } == 72)
        // fraud-model is OOM-killed, but nothing says so: its kills are unknown, not zero.
        let fraud = try #require(profiles.first { $0.workload.name == "fraud-model" })
        let fraudWithReasons = try #require(withReasons.first { $0.name == "fraud-model" })
        #expect((fraudWithReasons.oomKills ?? 0) > 0)
        #expect(fraud.restartSeries?.values == fraudWithReasons.oomKillSeries)
        #expect(fraud.oomKills == nil && fraud.oomKillSeries == nil && fraud.oomKillLimit == nil)
        // A container that never restarted had no OOM kill, reason or not.
        let quiet = profiles.filter { $0.restarts == 0 }
        #expect(quiet.count == profiles.count - 3)
        #expect(quiet.allSatisfy { $0.oomKills == 0 })
    }

    @Test("a 30-second memory spike between two steps is the memory max, exactly")
    func spikeBetweenSteps() async throws {
        let profiles = try await collect()
        let app = try #require(profiles.first { $0.workload.name == "web" && $0.container == "app" })
        let wanted = try #require(
            Self.expected(Self.history).first { $0.name == "web" && $0.container == "app" })
        let steps = try #require(
            Self.expected(Self.complete).first { $0.name == "web" && $0.container == "app" })
        let memory = try #require(app.memory)
        #expect(wanted.memory?[2] == Self.spike.bytes)
        #expect(memory.max == Self.spike.bytes)
        // The values at the steps' instants, less than half the spike, are still the
        // percentiles' samples: the spike adds no sample and moves no percentile.
        #expect(try #require(steps.memory?[2]) < 0.5 * Self.spike.bytes)
        #expect(memory.samples == steps.memorySamples)
        #expect(memory.p95 == steps.memory?[1] && memory.p50 == steps.memory?[0])
        // The hour it happened in holds it too.
        let hour = Double((Self.spike.at + 3599) / 3600 * 3600)
        #expect(app.memorySeries?.values.first { $0[0] == hour }?[1] == Self.spike.bytes)
        // The sidecar of the same pods is untouched.
        let proxy = try #require(
            profiles.first { $0.workload.name == "web" && $0.container == "istio-proxy" })
        let proxyWanted = try #require(
            Self.expected(Self.complete).first { $0.name == "web" && $0.container == "istio-proxy" })
        #expect(proxy.memory?.max == proxyWanted.memory?[2])
    }

    @Test("the peak of a step reads the samples after the previous step up to this one's")
    func peakRange() {
        let queries = ProfileQueries(options: CollectionOptions(step: .seconds(300)))
        #expect(
            queries.memoryPeaks
                == #"max_over_time(container_memory_working_set_bytes{container!=""}[4m59s999ms])"#)
        #expect(
            queries.restartSteps(over: .seconds(86_400))
                == "(((kube_pod_container_status_restarts_total > 0) - kube_pod_container_status_restarts_total offset 5m) > 0 or ((kube_pod_init_container_status_restarts_total > 0) - kube_pod_init_container_status_restarts_total offset 5m) > 0)[1d:5m]"
        )
    }
}
