import ArgoCDFake
import Foundation
import PrometheusSimulator
import StewardKit
import TestSupport
import Testing

/// Where `steward.yaml` names an Argo CD, the regression detector dates each commit by when the
/// Application deploying it synced it, not by its commit time: on a real Git history and a real
/// Prometheus holding the cluster history (cart crash-loops after a rollout at
/// ``ClusterHistory/fixtureCartChange`` + 2 min), with the loopback Argo CD fake.
@Suite struct ArgoCDTimelineTests {
    static let change = RegressionPrometheusTests.change
    static let rollout = change + 120
    static let token = "argocd-token-7c1e"

    /// An Application deploying `apps/shop` to the cluster `destination` names.
    static func application(_ name: String, destination: String = "in-cluster") -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: \(name)
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://git.example.com/acme/deploy.git
            path: apps/shop
            targetRevision: main
          destination:
            name: \(destination)
            namespace: shop

        """
    }

    static let rollbackPolicy = RegressionPlanFixture.policy.replacingOccurrences(
        of: "actions: [rightsize, oom, revert]", with: "actions: [rightsize, oom, revert, rollback]")

    /// A repository with `applications` (file → text) whose second commit, at `time`, bumps
    /// cart's image; the ids of its first and second commits.
    static func repository(
        _ git: GitFixture, applications: [String: String], bumpAt time: Double, policy: String
    ) throws -> (path: String, first: String, bump: String) {
        var files = ["apps/shop/cart.yaml": RegressionPrometheusTests.cart, "policies/steward.yaml": policy]
        files.merge(applications) { $1 }
        let (repo, bump) = try RegressionPlanFixture.repository(
            git, files: files, adding: "Add the cart",
            change: [
                "apps/shop/cart.yaml": RegressionPrometheusTests.cart.replacingOccurrences(
                    of: "3.1.0", with: "3.2.0")
            ],
            message: "Bump cart to 3.2.0", at: time)
        let first = try ExternalTool.git.run(["-C", repo, "rev-parse", "HEAD~1"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return (repo, first, bump)
    }

    /// A repository whose cart bump is committed at `bumpAt`, the profiles collected from a real
    /// Prometheus, and a fresh Argo CD fake.
    struct Setup {
        var git: GitFixture
        var repo: String
        var first: String
        var bump: String
        var directory: TemporaryDirectory
        var profiles: String
        var argo: ArgoCDServer

        init(
            applications: [String: String] = ["argocd/shop.yaml": ArgoCDTimelineTests.application("shop")],
            bumpAt time: Double, policy: String = RegressionPlanFixture.policy,
            token: String = ArgoCDTimelineTests.token
        ) async throws {
            git = try GitFixture()
            (repo, first, bump) = try ArgoCDTimelineTests.repository(
                git, applications: applications, bumpAt: time, policy: policy)
            directory = try TemporaryDirectory("steward-argocd-timeline")
            profiles = try await RegressionPrometheusTests.collect(into: directory)
            argo = try await ArgoCDServer.start(token: token)
        }

        /// Seeds the Application `shop` with `entries`: history id, revision, and when it was
        /// deployed, in seconds after the change.
        func seedShop(_ entries: [(id: Int, revision: String, after: Double)]) {
            argo.seed(
                ArgoCDFakeApplication(
                    name: "shop",
                    history: entries.map {
                        .init(
                            id: $0.id, revision: $0.revision,
                            deployedAt: ArgoCDTimelineTests.date(ArgoCDTimelineTests.change + $0.after))
                    }))
        }

        /// `steward plan` of the repository with Argo CD configured.
        func plan(format: String = "json") throws -> ExternalToolOutput {
            try ArgoCDTimelineTests.plan(repo, profiles: profiles, argo: argo, in: directory, format: format)
        }
    }

    /// `steward plan --format <format>` of `repo` with the profiles and a configuration naming `argo`.
    static func plan(
        _ repo: String, profiles: String, argo: ArgoCDServer, in directory: TemporaryDirectory,
        format: String = "json"
    ) throws -> ExternalToolOutput {
        try directory.write("argocd-token", token + "\n")
        try directory.write(
            "steward.yaml",
            """
            apiVersion: steward.dev/v1
            kind: Configuration
            argocd:
              server: \(argo.origin)
              tokenFile: argocd-token

            """)
        return try PackagePaths.steward().result([
            "plan", "--repo", repo, "--profiles", profiles, "--config", directory.path("steward.yaml").path,
            "--cluster", "prod", "--format", format,
        ])
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    /// The one finding about cart's container in a JSON plan.
    static func cartFinding(_ output: ExternalToolOutput) throws -> [String: Any] {
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let cart = findings.filter { ($0["id"] as? String)?.contains("/cart/app") == true }
        try #require(cart.count == 1, "\(findings.map { $0["id"] ?? "" })")
        return cart[0]
    }

    @Test func aCommitDeployedHoursAfterItWasMadeIsBlamedFromItsDeployment() async throws {
        // Committed three hours before the rollout: by commit time, too early to blame.
        let setup = try await Setup(bumpAt: Self.change - 10_800)
        let (first, bump, argo) = (setup.first, setup.bump, setup.argo)
        argo.seed(
            ArgoCDFakeApplication(
                name: "shop",
                history: [
                    .init(id: 1, revision: first, deployedAt: Self.date(Self.change - 86_400)),
                    .init(
                        id: 2, revision: bump, deployStartedAt: Self.date(Self.change + 60),
                        deployedAt: Self.date(Self.change + 150)),
                ]))

        let output = try setup.plan()
        try await argo.stop()
        #expect(output.status == 0, "\(output.stderr)")
        let finding = try Self.cartFinding(output)
        #expect(finding["kind"] as? String == "regression-after-change")
        let commit = try #require((finding["revert"] as? [String: Any])?["commit"] as? [String: Any])
        #expect(commit["id"] as? String == bump)
        #expect(commit["time"] as? Double == Self.change - 10_800)
        let deployment = try #require(commit["deployment"] as? [String: Any])
        #expect(deployment["application"] as? String == "shop")
        #expect(deployment["historyID"] as? Int == 2)
        #expect(deployment["revision"] as? String == bump)
        #expect(deployment["startedAt"] as? Double == Self.change + 60)
        #expect(deployment["deployedAt"] as? Double == Self.change + 150)
        let regression = try #require(
            (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        #expect(regression["dating"] as? String == "deployedAt of Argo CD Application shop")
        #expect(
            finding["summary"] as? String
                == "72 restarts of app began within 8 min of rollout \(RegressionPrometheusTests.newReplicaSet) at "
                + "2026-09-22T18:02:00Z, which Argo CD Application shop rolled out with commit \(bump.prefix(7)) "
                + "\"Bump cart to 3.2.0\" by Fixture Author <author@example.com> (history 2, deployed at "
                + "2026-09-22T18:02:30Z, committed 3 h before): revert it")
        #expect(
            argo.requests.map(\.line) == ["GET /api/v1/applications/shop?appNamespace=argocd&project=default"]
        )
    }

    @Test func aCommitArgoCDNeverDeployedIsNotBlamed() async throws {
        // Committed two minutes before the rollout, which by commit time would blame it.
        let setup = try await Setup(bumpAt: Self.change)
        let (first, argo) = (setup.first, setup.argo)
        // The rollout came from a sync of the first revision (a manual restart), not the bump.
        setup.seedShop([(1, first, -86_400), (2, first, 110)])

        let output = try setup.plan()
        try await argo.stop()
        #expect(output.status == 0, "\(output.stderr)")
        let finding = try Self.cartFinding(output)
        #expect(finding["kind"] as? String == "crash-loop")
        #expect(finding["revert"] is NSNull)
        let regression = try #require(
            (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        #expect(regression["dating"] as? String == "deployedAt of Argo CD Application shop")
        #expect((regression["candidates"] as? [Any])?.isEmpty == true)
    }

    @Test func eachApplicationDeployingThePathHasItsOwnTimeline() async throws {
        let setup = try await Setup(
            applications: [
                "argocd/shop-prod.yaml": Self.application("shop-prod", destination: "prod"),
                "argocd/shop-staging.yaml": Self.application("shop-staging", destination: "staging"),
            ], bumpAt: Self.change - 10_800)
        let (first, bump, argo) = (setup.first, setup.bump, setup.argo)
        let early = ArgoCDFakeApplication.HistoryEntry(
            id: 1, revision: first, deployedAt: Self.date(Self.change - 86_400))
        let synced = ArgoCDFakeApplication.HistoryEntry(
            id: 2, revision: bump, deployedAt: Self.date(Self.change + 100))
        // Staging synced the bump just before prod's rollout; prod never did.
        argo.seed(ArgoCDFakeApplication(name: "shop-staging", history: [early, synced]))
        argo.seed(ArgoCDFakeApplication(name: "shop-prod", history: [early]))
        let notDeployed = try Self.cartFinding(
            try setup.plan())
        #expect(notDeployed["kind"] as? String == "crash-loop")

        // Prod synced it too: prod's own entry dates it.
        argo.seed(
            ArgoCDFakeApplication(
                name: "shop-prod",
                history: [early, .init(id: 7, revision: bump, deployedAt: Self.date(Self.change + 90))]))
        let deployed = try Self.cartFinding(
            try setup.plan())
        try await argo.stop()
        let commit = try #require((deployed["revert"] as? [String: Any])?["commit"] as? [String: Any])
        let deployment = try #require(commit["deployment"] as? [String: Any])
        #expect(deployment["application"] as? String == "shop-prod")
        #expect(deployment["historyID"] as? Int == 7)
        #expect(!argo.requests.contains { $0.target.contains("shop-staging") })
    }

    @Test func thePlanShowsTheRollbackItWouldMakeAndCallsNothingThatChanges() async throws {
        let setup = try await Setup(
            bumpAt: Self.change - 600,
            policy: Self.rollbackPolicy)
        let (first, bump, argo) = (setup.first, setup.bump, setup.argo)
        setup.seedShop([(1, first, -86_400), (2, bump, 100)])
        let text = try setup.plan(format: "text")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(
            text.text.contains(
                "    revert \(bump.prefix(7)) \"Bump cart to 3.2.0\"  allowed (rule shop)\n"
                    + "    would roll back shop to history 1 (\(first.prefix(7)))  allowed (rule shop)\n"),
            "\(text.text)")
        #expect(text.text.contains("\n1 rollback in Argo CD proposed, 1 allowed\n"))

        argo.update("shop") { $0.automatedSync = true }
        let json = try setup.plan()
        try await argo.stop()
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let rollbacks = try #require(plan["rollbacks"] as? [[String: Any]])
        #expect(rollbacks.count == 1)
        #expect(rollbacks.first?["application"] as? String == "shop")
        #expect(
            rollbacks.first?["summary"] as? String
                == "no rollback of shop: Application shop syncs automatically (spec.syncPolicy.automated), and "
                + "Argo CD refuses a rollback then (\"rollback cannot be initiated when auto-sync is enabled\"): "
                + "the revert pull request is the remedy")
        #expect(argo.requests.allSatisfy { $0.method == "GET" })
    }

    @Test func aCommitSyncedAgainAfterARollbackIsBlamedForTheLaterRollout() async throws {
        let setup = try await Setup(bumpAt: Self.change - 10_800, policy: Self.rollbackPolicy)
        let (first, bump, argo) = (setup.first, setup.bump, setup.argo)
        // The bump was deployed hours before, rolled back, and synced again just before the rollout.
        setup.seedShop([(1, first, -86_400), (2, bump, -7_200), (3, first, -3_600), (4, bump, 100)])
        let output = try setup.plan()
        let text = try setup.plan(format: "text")
        try await argo.stop()
        let commit = try #require(
            (try Self.cartFinding(output)["revert"] as? [String: Any])?["commit"] as? [String: Any])
        #expect((commit["deployment"] as? [String: Any])?["historyID"] as? Int == 4)
        #expect((commit["deployments"] as? [[String: Any]])?.map { $0["historyID"] as? Int } == [2, 4])
        #expect(
            text.text.contains(
                "    would roll back shop to history 3 (\(first.prefix(7)))  allowed (rule shop)\n"),
            "\(text.text)")
    }

    @Test func aRollbackNeedsEveryWorkloadOfTheApplicationToAllowIt() async throws {
        // The Application deploys web too, which opted out: rolling back shop would revert it.
        let web = RegressionPlanFixture.web.replacingOccurrences(
            of: "  namespace: shop\n",
            with: "  namespace: shop\n  annotations: {steward.dev/ignore: \"true\"}\n")
        let setup = try await Setup(
            applications: ["argocd/shop.yaml": Self.application("shop"), "apps/shop/web.yaml": web],
            bumpAt: Self.change - 600, policy: Self.rollbackPolicy)
        let (first, bump, argo) = (setup.first, setup.bump, setup.argo)
        setup.seedShop([(1, first, -86_400), (2, bump, 100)])
        let text = try setup.plan(format: "text")
        try await argo.stop()
        #expect(
            text.text.contains(
                "    no rollback of shop: shop/Deployment/web, which Application shop deploys too: opted out with the "
                    + "annotation steward.dev/ignore: \"true\"; a rollback reverts the whole Application\n"),
            "\(text.text)")
    }

    @Test func anArgoCDThatCannotBeReadLeavesCommitTimesAndSaysSo() async throws {
        let setup = try await Setup(bumpAt: Self.change, token: "another-token")
        let (bump, argo) = (setup.bump, setup.argo)
        let output = try setup.plan()
        try await argo.stop()
        #expect(output.status == 0, "\(output.stderr)")
        let finding = try Self.cartFinding(output)
        let commit = try #require((finding["revert"] as? [String: Any])?["commit"] as? [String: Any])
        #expect(commit["id"] as? String == bump)
        #expect(commit["deployment"] == nil)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        #expect(
            (plan["notes"] as? [String])?.first
                == "Argo CD at \(argo.origin) rejected the token for GET /api/v1/applications/shop (invalid session: "
                + "token has invalid claims: token is expired): make a new one (docs/argocd.md) and update the "
                + "Secret: the commits deployed by shop are dated by commit time, and no rollback is proposed for it"
        )
        #expect(!output.text.contains(Self.token))
    }
}
