import Foundation
import Profiles
import PrometheusSimulator
import TestSupport
import Testing

/// The dated series the regression detector reads: restarts and OOM kills per step, the limit at
/// the OOM kills, and the blackbox probes, collected from a real Prometheus and compared with the
/// generator's model exactly.
@Suite("Restart, OOM-kill and probe series from a real Prometheus")
struct ProfileCollectorSeriesTests {
    static let history = FixtureServer.history
    static let windowStart = history.end - 86_400

    @Test("a crash loop starts 10 minutes after the image change, 2 restarts every 10 minutes")
    func crashLoop() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let cart = try #require(collection.profiles.profiles.first { $0.workload.name == "cart" })
        let series = try #require(cart.restartSeries)
        #expect(series.step == "5m")
        let change = Double(ClusterHistory.fixtureCartChange)
        // Nothing before the change at 18:00: of those steps only the window's first is written,
        // at 0. From 18:10 on two pods restart every 10 minutes, each step with restarts written:
        // (18:05, 18:10], (18:15, 18:20], … (23:55, 00:00].
        #expect(series.values.first == [Double(Self.windowStart + 300), 0])
        let counted = series.values.filter { $0[1] > 0 }
        #expect(
            counted.map { $0[0] }
                == Array(stride(from: change + 600, through: Double(Self.history.end), by: 600)))
        #expect(counted.allSatisfy { $0[1] == 2 })
        #expect(series.values.count == counted.count + 1)
        #expect(cart.restarts == 72)
        #expect(cart.oomKills == 0 && cart.oomKillSeries == nil && cart.oomKillLimit == nil)
        #expect(cart.rollouts?.last?.created == change + 120)
    }

    @Test("OOM kills are dated per step and carry the 1 GiB limit they were killed at")
    func oomKills() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let fraud = try #require(collection.profiles.profiles.first { $0.workload.name == "fraud-model" })
        #expect(fraud.oomKillLimit == 1_073_741_824)
        let kills = try #require(fraud.oomKillSeries)
        #expect(kills.values.reduce(0) { $0 + $1[1] } == Double(try #require(fraud.oomKills)))
        #expect(fraud.restartSeries?.values.map { $0[1] } == kills.values.map { $0[1] })
        // Everything without a restart in the window has no series, only its zero counts.
        let quiet = collection.profiles.profiles.filter { $0.restarts == 0 }
        #expect(quiet.count == collection.profiles.profiles.count - 3)
        #expect(
            quiet.allSatisfy { $0.restartSeries == nil && $0.oomKillSeries == nil && $0.oomKillLimit == nil })
    }

    @Test("a StatefulSet pod recreated under its name with a raised limit: its kills keep the old limit")
    func oomKillLimitOfARecreatedPod() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let redis = try #require(collection.profiles.profiles.first { $0.workload.name == "cart-redis" })
        let recreation = Double(ClusterHistory.fixtureCartRedisRecreation)
        let kills = try #require(redis.oomKillSeries)
        #expect(kills.values.contains { $0[0] < recreation && $0[1] > 0 })
        #expect(kills.values.allSatisfy { $0[0] <= recreation || $0[1] == 0 })
        // 512Mi, the limit at every kill; the 1Gi of the recreated pod was never OOM-killed.
        #expect(redis.oomKillLimit == 536_870_912)
        #expect(redis.limits?.memory == 1_073_741_824)
    }

    @Test("blackbox probes: success shares, certificate expiry and fingerprints, per target")
    func probes() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let collection = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "prod"))
        let probes = try #require(collection.profiles.probes)
        let expected = Self.history.expectedProbes(
            cluster: "prod", windowStart: Self.windowStart, windowEnd: Self.history.end)
        #expect(
            probes.map(\.target) == [
                "http://search.shop.svc/ready", "https://pay.example.com/healthz",
                "https://shop.example.com/healthz",
            ])
        #expect(probes.map(\.target) == expected.map(\.target))
        for (probe, expected) in zip(probes, expected) {
            Self.compare(probe, expected)
        }

        let pay = try #require(probes.first { $0.target == "https://pay.example.com/healthz" })
        let failure = Double(ClusterHistory.fixtureProbeFailure)
        // Failing from 20:30: every step after it, to the window's end.
        #expect(pay.successSeries?.step == "5m")
        let failing = pay.successSeries?.values.filter { $0[0] > failure } ?? []
        #expect(failing.count == Int((Double(Self.history.end) - failure) / 300))
        #expect(failing.allSatisfy { $0[1] == 0 })
        #expect(pay.successSeries?.values.filter { $0[0] < failure }.allSatisfy { $0[1] == 1 } == true)

        let shop = try #require(probes.first { $0.target == "https://shop.example.com/healthz" })
        let renewal = Double(ClusterHistory.fixtureCertificateRenewal)
        #expect(
            shop.certificates
                == [
                    CertificateSighting(
                        fingerprint: "9f2c4be01d7a5e3f8c6b2a1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
                        first: Double(Self.windowStart + 300), last: renewal),
                    CertificateSighting(
                        fingerprint: "41aa07cc93e5b2d6f1a8c4e9b3d7f2a6c1e5b9d3f7a2c6e1b5d9f3a7c2e6b1d5",
                        first: renewal + 300, last: Double(Self.history.end)),
                ])
        #expect(shop.certificateExpirySeries?.values.first?[1] == Double(Self.history.start + 30 * 86_400))
        #expect(shop.certificateExpirySeries?.values.last?[1] == renewal + 90 * 86_400)

        let search = try #require(probes.first { $0.target == "http://search.shop.svc/ready" })
        #expect(search.certificates == nil && search.certificateExpirySeries == nil)
        #expect(search.successSeries?.values.count == 288)
    }

    @Test("--cluster selects the cluster's probes; without it a target's probes are pooled")
    func probeClusters() async throws {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let staging = try await FixtureServer.collect(
            fixture.server.url, options: FixtureServer.options(cluster: "staging"))
        #expect(staging.profiles.probes?.map(\.target) == ["https://staging.example.com/healthz"])
        let all = try await FixtureServer.collect(fixture.server.url)
        let expected = Self.history.expectedProbes(
            cluster: nil, windowStart: Self.windowStart, windowEnd: Self.history.end)
        #expect(all.profiles.probes?.map(\.target) == expected.map(\.target))
        for (probe, expected) in zip(all.profiles.probes ?? [], expected) {
            Self.compare(probe, expected)
        }
    }

    static func compare(
        _ probe: ProbeProfile, _ expected: ExpectedProbe, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            probe.successSeries == Series(step: "5m", values: expected.successSeries),
            "\(probe.target) success",
            sourceLocation: sourceLocation)
        #expect(
            probe.certificateExpirySeries
                == (expected.certificateExpirySeries.isEmpty
                    ? nil : Series(step: "1h", values: expected.certificateExpirySeries)),
            "\(probe.target) expiry", sourceLocation: sourceLocation)
        #expect(
            probe.certificates
                == (expected.certificates.isEmpty
                    ? nil
                    : expected.certificates.map {
                        CertificateSighting(fingerprint: $0.fingerprint, first: $0.first, last: $0.last)
                    }),
            "\(probe.target) certificates", sourceLocation: sourceLocation)
    }
}
