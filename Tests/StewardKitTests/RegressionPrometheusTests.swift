import Foundation
import PlanFixtures
import Profiles
import PrometheusSimulator
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// The regression detector end to end on real parts: `steward profile collect` reads a real
/// Prometheus holding the generated history (its `shop/cart` crash-loops from 10 minutes after a
/// change), and `steward plan` blames the crash loop on the Git commit of that change, found in a
/// real repository's history, or reports it when no commit came just before the rollout; and
/// `steward run`, collecting from the same Prometheus itself, opens the revert's pull request.
@Suite struct RegressionPrometheusTests {
    static let history = ClusterHistory.fixture()
    static let change = Double(ClusterHistory.fixtureCartChange)

    static let cart = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cart
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: cart}
          template:
            metadata:
              labels: {app: cart}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/cart:3.1.0
                  resources:
                    requests: {cpu: 200m, memory: 256Mi}
                    limits: {memory: 256Mi}

        """

    /// The ReplicaSet the history rolled out 2 minutes after the change.
    static var newReplicaSet: String {
        history.workloads.first { $0.cluster == "prod" && $0.name == "cart" }!.replicaSets.last!.name
    }

    /// A GitOps repository whose second commit, at `time`, bumps cart's image; returns the
    /// repository and that commit's id.
    static func repository(_ git: GitFixture, bumpAt time: Double) throws -> (path: String, commit: String) {
        try RegressionPlanFixture.repository(
            git, files: ["apps/shop/cart.yaml": cart, "policies/steward.yaml": RegressionPlanFixture.policy],
            adding: "Add the cart",
            change: ["apps/shop/cart.yaml": cart.replacingOccurrences(of: "3.1.0", with: "3.2.0")],
            message: "Bump cart to 3.2.0", at: time)
    }

    /// `steward profile collect` of the last `window` (a day) of `prod` in `history`, written to
    /// a file in `directory`.
    static func collect(
        into directory: TemporaryDirectory, history: ClusterHistory = history, window: String = "1d"
    ) async throws -> String {
        let prometheus = try await PrometheusServer.start(history: history)
        defer { prometheus.stop() }
        let path = directory.path("profiles.json").path
        let run = try await ProfileCollectTests.steward([
            "profile", "collect", "--prometheus", prometheus.url, "--window", window, "--at",
            String(history.end),
            "--cluster-label", "cluster", "--cluster", "prod", "-o", path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        return path
    }

    @Test func aCrashLoopTenMinutesAfterACommitProposesItsRevert() async throws {
        let git = try GitFixture()
        let (repo, culprit) = try Self.repository(git, bumpAt: Self.change)
        let directory = try TemporaryDirectory("steward-regression-prometheus")
        let profiles = try await Self.collect(into: directory)

        let output = try PackagePaths.steward().result(
            ["plan", "--repo", repo, "--profiles", profiles, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let reverts = findings.filter { $0["revert"] is [String: Any] }
        #expect(
            reverts.map { $0["id"] as? String } == [
                "regression-after-change/prod/shop/Deployment/cart/app#rollout-cart-w4df2rlhn9"
            ])
        let finding = try #require(reverts.first)
        let commit = try #require((finding["revert"] as? [String: Any])?["commit"] as? [String: Any])
        #expect(commit["id"] as? String == culprit)
        #expect(commit["summary"] as? String == "Bump cart to 3.2.0")
        #expect(commit["paths"] as? [String] == ["apps/shop/cart.yaml"])
        #expect(commit["time"] as? Double == Self.change)
        let regression = try #require(
            (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        #expect(regression["rolloutTime"] as? Double == Self.change + 120)
        let anomalies = try #require(regression["anomalies"] as? [[String: Any]])
        // The 5-minute step of the first restarts, (18:05, 18:10]; 2 pods × 36 restarts.
        #expect(anomalies.map { $0["onset"] as? Double } == [Self.change + 600])
        #expect(anomalies.first?["before"] as? Double == 0)
        #expect(anomalies.first?["after"] as? Double == 72)
        #expect(
            finding["summary"] as? String
                == "72 restarts of app began within 8 min of rollout \(Self.newReplicaSet) at "
                + "2026-09-22T18:02:00Z, 2 min after commit \(culprit.prefix(7)) \"Bump cart to 3.2.0\" by "
                + "Fixture Author <author@example.com>: revert it")
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 1)
    }

    @Test func aRunCollectingFromPrometheusOpensTheRevert() async throws {
        let prometheus = try await PrometheusServer.start(history: Self.history)
        defer { prometheus.stop() }
        let files = ["policies/steward.yaml": RegressionPlanFixture.policy, "apps/shop/cart.yaml": Self.cart]
        try await RunFixture.with(
            files: files, profiles: UsageProfiles(window: ShopRepository.window, profiles: [])
        ) {
            fixture in
            // Someone bumps the image at the change's time and pushes it.
            try RegressionPlanFixture.commit(
                change: ["apps/shop/cart.yaml": Self.cart.replacingOccurrences(of: "3.1.0", with: "3.2.0")],
                message: "Bump cart to 3.2.0", at: Self.change, in: fixture.work, git: fixture.git)
            try ExternalTool.git.run(
                ["-C", fixture.work, "push", "--quiet", "hub", "main"],
                environment: fixture.git.environment(time: Int(Self.change)))
            let bump = try #require(try fixture.git.revision("main", in: fixture.bare))

            var configuration = fixture.configuration
            configuration.observe = .prometheus(
                PrometheusSettings(url: prometheus.url, window: "1d", step: "5m", clusterLabel: "cluster"))
            let now = Date(timeIntervalSince1970: TimeInterval(Self.history.end))
            let runner = Runner(RunRequest(configuration: configuration, now: now))
            let prepared = try await runner.prepare()
            // The run analyses once: one walk of the history serves the plan and the branches.
            #expect(prepared.history.walks == 1)
            let report = await runner.publish(prepared)
            #expect(prepared.history.walks == 1)
            #expect(report.exitStatus == .success, "\(report.text)")
            let revert = try #require(
                report.outcomes.first { $0.branch == "steward/revert-\(bump.prefix(7))" })
            #expect(revert.action == .opened)
            let number = try #require(revert.pullRequest)
            let pullRequest = try #require(fixture.forge.pullRequest(number))
            #expect(pullRequest.title == "steward: revert \(bump.prefix(7)) \"Bump cart to 3.2.0\"")
            #expect(
                pullRequest.body.hasPrefix(
                    "Steward proposes reverting \(bump.prefix(7)) because shop/Deployment/cart container `app` "
                        + "regressed right after it: app: 0 restarts in the 18.1 h before, 72 in the 5.9 h after "
                        + "2026-09-22T18:05:00Z. It followed rollout \(Self.newReplicaSet) at 2026-09-22T18:02:00Z, "
                        + "2 min after this commit."),
                "\(pullRequest.body)")
        }
    }

    @Test func theSameCrashLoopWithNoCommitNearbyIsOnlyReported() async throws {
        let git = try GitFixture()
        // The image bump two hours before the rollout: too early to have caused it.
        let (repo, _) = try Self.repository(git, bumpAt: Self.change - 7200)
        let directory = try TemporaryDirectory("steward-regression-prometheus")
        let profiles = try await Self.collect(into: directory)

        let output = try PackagePaths.steward().result(["plan", "--repo", repo, "--profiles", profiles])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.text.contains(
                "    crash-loop (high): 72 restarts of app began after rollout \(Self.newReplicaSet) at "
                    + "2026-09-22T18:02:00Z; no commit to the workload's manifests explains it\n"),
            "\(output.text)")
        #expect(!output.text.contains("revert"))
    }
}
