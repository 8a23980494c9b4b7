import Foundation
import PrometheusSimulator
import TestSupport
import Testing

/// Incidents told apart, end to end on real parts: `steward profile collect` reads a real
/// Prometheus holding the generated history, and `steward plan` reads a real Git history. The
/// fixture's `shop/Deployment/cart` crash-loops from 10 minutes after an image bump (18:00), and
/// here the repository also routes `pay.example.com`, whose probes fail from 20:30 after a new
/// certificate chain (20:20), to cart: two incidents of one workload with their own triggers.
@Suite struct IncidentPrometheusTests {
    static let change = Double(ClusterHistory.fixtureCartChange)
    static let newChain = Double(ClusterHistory.fixturePayCertificateChange)
    static let rollout = "regression-after-change/prod/shop/Deployment/cart/app#rollout-cart-w4df2rlhn9"

    /// A Service for cart and the pay Ingress routing to it, with its Certificate.
    static let exposure = ProbeRegressionPrometheusTests.exposure.replacingOccurrences(
        of: "checkout", with: "cart")

    static let bumped = RegressionPrometheusTests.cart.replacingOccurrences(of: "3.1.0", with: "3.2.0")

    /// `steward plan --format json` of `repo` on the profiles of the last `window` of `history`,
    /// and its text output.
    static func plan(
        _ repo: String, history: ClusterHistory = RegressionPrometheusTests.history, window: String = "1d"
    ) async throws -> (json: [String: Any], text: String) {
        let directory = try TemporaryDirectory("steward-incidents")
        let profiles = try await RegressionPrometheusTests.collect(
            into: directory, history: history, window: window)
        let json = try PackagePaths.steward().result(
            ["plan", "--repo", repo, "--profiles", profiles, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let text = try PackagePaths.steward().result(["plan", "--repo", repo, "--profiles", profiles])
        #expect(text.status == 0, "\(text.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        return (plan, text.text)
    }

    static func findings(_ plan: [String: Any]) -> [[String: Any]] {
        plan["findings"] as? [[String: Any]] ?? []
    }

    static func cart(_ plan: [String: Any]) -> [[String: Any]] {
        findings(plan).filter { ($0["id"] as? String)?.contains("/shop/Deployment/cart/") == true }
    }

    /// Cart's `regression-after-change` findings.
    static func regressions(_ plan: [String: Any]) -> [[String: Any]] {
        cart(plan).filter { $0["kind"] as? String == "regression-after-change" }
    }

    static func revertedCommit(_ finding: [String: Any]) -> String? {
        ((finding["revert"] as? [String: Any])?["commit"] as? [String: Any])?["id"] as? String
    }

    static func signals(_ finding: [String: Any]) -> [String]? {
        let regression = (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any]
        return (regression?["anomalies"] as? [[String: Any]])?.compactMap { $0["signal"] as? String }
    }

    @Test func twoIncidentsWithTheirOwnTriggersAreTwoReverts() async throws {
        let git = try GitFixture()
        let (repo, bump) = try RegressionPlanFixture.repository(
            git,
            files: [
                "apps/shop/cart.yaml": RegressionPrometheusTests.cart,
                "apps/shop/exposure.yaml": Self.exposure,
                "apps/shop/certificate.yaml": ProbeRegressionPrometheusTests.certificate,
                "policies/steward.yaml": RegressionPlanFixture.policy,
            ],
            adding: "Add the cart", change: ["apps/shop/cart.yaml": Self.bumped],
            message: "Bump cart to 3.2.0",
            at: Self.change)
        let rotation = try RegressionPlanFixture.commit(
            change: [
                "apps/shop/certificate.yaml": ProbeRegressionPrometheusTests.certificate.replacingOccurrences(
                    of: "letsencrypt", with: "letsencrypt-staging")
            ], message: "Issue the pay certificate from staging", at: Self.newChain - 900, in: repo, git: git)

        let (plan, _) = try await Self.plan(repo)

        let findings = Self.cart(plan)
        #expect(
            findings.map { $0["id"] as? String } == [
                Self.rollout,
                "regression-after-change/prod/shop/Deployment/cart/app#certificate-e1d2c3b4a596",
            ])
        #expect(findings.map(Self.revertedCommit) == [bump, rotation])
        #expect(findings.map(Self.signals) == [["restarts"], ["probeFailure"]])
        #expect(
            findings.map { ($0["confidence"] as? [String: Any])?["level"] as? String } == ["high", "high"])
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 2)
    }

    @Test func twoAnomaliesAfterOneRolloutAreOneFinding() async throws {
        let git = try GitFixture()
        let (repo, bump) = try RegressionPrometheusTests.repository(git, bumpAt: Self.change)

        // The new version is OOM-killed as it starts: restarts and OOM kills, one trigger.
        let (plan, _) = try await Self.plan(repo, history: ClusterHistory.fixture(cartOutOfMemory: true))

        let regressions = Self.regressions(plan)
        #expect(regressions.map { $0["id"] as? String } == [Self.rollout])
        #expect(regressions.map(Self.signals) == [["restarts", "oomKills"]])
        #expect(regressions.map(Self.revertedCommit) == [bump])
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 1)
    }

    @Test func restartsWithoutTheTerminatedReasonSeriesStillDateTheCrashLoop() async throws {
        let git = try GitFixture()
        let (repo, bump) = try RegressionPrometheusTests.repository(git, bumpAt: Self.change)

        let (plan, _) = try await Self.plan(repo, history: ClusterHistory.fixture(terminatedReasons: false))

        let regressions = Self.regressions(plan)
        #expect(regressions.map { $0["id"] as? String } == [Self.rollout])
        #expect(regressions.map(Self.revertedCommit) == [bump])
        let regression = try #require(
            (regressions.first?["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        let anomalies = try #require(regression["anomalies"] as? [[String: Any]])
        #expect(anomalies.map { $0["onset"] as? Double } == [Self.change + 600])
        #expect(anomalies.map { $0["after"] as? Double } == [72])
    }

    @Test func sizingIsHeldWhileTheCrashLoopLasts() async throws {
        let git = try GitFixture()
        // No commit explains the crash loop: it is reported, and cart is not sized meanwhile.
        let (repo, _) = try RegressionPrometheusTests.repository(git, bumpAt: Self.change - 7200)

        let (plan, text) = try await Self.plan(repo)

        #expect(Self.cart(plan).map { $0["kind"] as? String } == ["crash-loop"])
        let skipped = (plan["skipped"] as? [[String: Any]] ?? []).filter {
            ($0["workload"] as? [String: Any])?["name"] as? String == "cart"
        }
        #expect(skipped.map { $0["reason"] as? String } == ["held: crash loop since 2026-09-22T18:10:00Z"])
        #expect(
            text.contains(
                "  shop/Deployment/cart container app: held: crash loop since 2026-09-22T18:10:00Z\n"),
            "\(text)")
    }

    @Test func afterTheCrashLoopEndsItsSamplesAreLeftOutOfTheSizing() async throws {
        let git = try GitFixture()
        let (repo, _) = try RegressionPrometheusTests.repository(git, bumpAt: Self.change - 7200)
        // The loop stops at 21:00, three hours before the end: the incident is over. Two days,
        // so that what is left is still the day of history sizing needs.
        let history = ClusterHistory.fixture(cartCrashLoopEnd: ClusterHistory.fixtureCartChange + 3 * 3600)

        let (plan, text) = try await Self.plan(repo, history: history, window: "2d")

        let findings = Self.cart(plan)
        #expect(findings.map { $0["kind"] as? String } == ["rightsize", "crash-loop"], "\(text)")
        let excluded = try #require(
            (findings.first?["evidence"] as? [String: Any])?["excludedSamples"] as? [String: Any])
        #expect(excluded["reason"] as? String == "crash loop")
        // 2 pods × 33 steps from 18:10 to 20:50; the first has no CPU rate yet (one sample of
        // each instance, the pods started at 18:02).
        #expect(excluded["cpu"] as? Int == 64)
        #expect(excluded["memory"] as? Int == 66)
        #expect(excluded["from"] as? Double == Self.change + 600)
        #expect(excluded["until"] as? Double == Self.change + 3 * 3600 - 600)
        #expect(
            text.contains(
                "    left out 64 CPU and 66 memory samples of a crash loop between 2026-09-22T18:10:00Z and "
                    + "2026-09-22T20:50:00Z\n"), "\(text)")
        #expect(
            text.contains("    memory limit    256Mi -> 214Mi  (max 185.394 MiB)  allowed (rule shop)\n"),
            "\(text)")
    }
}
