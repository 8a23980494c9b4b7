import Foundation
import Kubernetes
import Policy
import TestSupport
import Testing

@testable import Analysis
@testable import ArgoCD
@testable import StewardPlanner

/// Which rollbacks the planner proposes when several findings blame commits that one Argo CD
/// Application deployed: the Application is rolled back once, and the other findings say which
/// finding's rollback covers them; a commit deployed before another revision went out is not
/// rolled back over it. On a real Git repository, whose history decides which revision holds
/// which commit.
@Suite struct RollbackPlanningTests {
    static let policy = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: shop}
        spec:
          actions:
            rollback: {maxHistoryEntries: 3}
          rules:
            - name: shop
              match: {namespaces: [shop]}
              actions: [revert, rollback]

        """

    static func deployment(_ name: String, image: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: shop}
        spec:
          template:
            spec:
              containers:
                - {name: app, image: "\(image)"}

        """
    }

    @Test func twoFindingsOnOneApplicationRollItBackOnce() throws {
        let git = try GitFixture()
        let repo = try git.makeRepository("gitops")
        let application = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: shop, namespace: argocd}
            spec:
              project: default
              source: {repoURL: https://git.example.com/acme/deploy.git, path: apps/shop}
              destination: {name: in-cluster, namespace: shop}

            """
        var files = [
            "argocd/shop.yaml": application, "policies/steward.yaml": Self.policy,
            "apps/shop/web.yaml": Self.deployment("web", image: "web:1"),
            "apps/shop/cart.yaml": Self.deployment("cart", image: "cart:1"),
        ]
        let first = try git.commit(in: repo, files: files, message: "Add the shop")
        files["apps/shop/web.yaml"] = Self.deployment("web", image: "web:2")
        let webBump = try git.commit(in: repo, files: files, message: "Bump web")
        files["apps/shop/cart.yaml"] = Self.deployment("cart", image: "cart:2")
        let cartBump = try git.commit(in: repo, files: files, message: "Bump cart")

        let day = 1_790_000_000.0
        // One sync brought both bumps, and the same revision was synced again.
        let history = [(0, first), (1, cartBump), (2, cartBump)].map { id, revision in
            ArgoHistoryEntry(
                id: id, revisions: [revision], deployedAt: Date(timeIntervalSince1970: day + Double(id) * 600)
            )
        }
        let shop = ArgoApplication(
            name: "shop", namespace: "argocd", project: "default", automatedSync: false, history: history,
            syncStatus: "Synced", health: "Degraded", operation: nil, operationPending: false,
            reconciledAt: nil)
        let deployments = DeploymentTimelines(
            server: "https://argocd.example.com", applications: ["shop": shop])
        let tree = InMemoryFileTree(files.mapValues { Array($0.utf8) })
        let inventory = try Inventory(tree: tree)
        let loaded = try Policy(bytes: Array(Self.policy.utf8), path: "policies/steward.yaml")

        func finding(_ name: String, commit: String, entry: Int, in history: [ArgoHistoryEntry])
            -> PlannedFinding
        {
            let workload = WorkloadReference(
                cluster: "prod", namespace: "shop", kind: "Deployment", name: name)
            let synced = CommitDeployment(
                application: "shop", target: "shop", historyID: entry, revision: history[entry].revisions[0],
                startedAt: nil, deployedAt: history[entry].deployedAt.timeIntervalSince1970)
            var blamed = ManifestCommit(
                id: commit, time: day, author: "A <a@example.com>", summary: "Bump \(name)",
                paths: ["apps/shop/\(name).yaml"], scope: .workload, deployments: [synced])
            blamed.deployment = synced
            return PlannedFinding(
                finding: Finding(
                    kind: .regressionAfterChange, workload: workload, container: "app",
                    evidence: Evidence(rule: "test", windowStart: day, windowEnd: day + 3600), revert: blamed,
                    incident: "rollout-\(name)"),
                target: "shop", changes: [],
                revert: PlannedRevert(commit: blamed, decision: .allowed(nil, rule: "shop")))
        }
        let rollbacks = Planner.rollbacks(
            [
                finding("cart", commit: cartBump, entry: 1, in: history),
                finding("web", commit: webBump, entry: 1, in: history),
            ],
            deployments: deployments, policy: .loaded(loaded), inventory: inventory, cluster: "prod",
            history: CommitHistory(repository: repo, revision: "HEAD"))

        let cart = "regression-after-change/prod/shop/Deployment/cart/app#rollout-cart"
        #expect(
            rollbacks.map(\.summary) == [
                "would roll back shop to history 0 (\(first.prefix(7)))",
                "no rollback of shop: Application shop is rolled back once per run, for finding \(cart)",
            ])
        #expect(rollbacks.map(\.coveredBy) == [nil, cart])
        // Entry 2 synced the blamed revision again: the rollback goes two entries back, within
        // the policy's bound of 3.
        #expect(rollbacks.first?.entriesBack == 2)

        // A later sync of another revision is not rolled over: web's bump, had it come alone in
        // entry 1 with cart's in entry 2, stays deployed.
        let apart = [(0, first), (1, webBump), (2, cartBump)].map { id, revision in
            ArgoHistoryEntry(
                id: id, revisions: [revision], deployedAt: Date(timeIntervalSince1970: day + Double(id) * 600)
            )
        }
        var moved = shop
        moved.history = apart
        let later = Planner.rollbacks(
            [finding("web", commit: webBump, entry: 1, in: apart)],
            deployments: DeploymentTimelines(
                server: "https://argocd.example.com", applications: ["shop": moved]),
            policy: .loaded(loaded), inventory: inventory, cluster: "prod",
            history: CommitHistory(repository: repo, revision: "HEAD"))
        #expect(
            later.map(\.summary) == [
                "no rollback of shop: Application shop deployed history 2 (\(cartBump.prefix(7))) after history 1 "
                    + "(\(webBump.prefix(7))), which brought \(webBump.prefix(7)): a rollback would undo that too, so the "
                    + "revert pull request is the remedy"
            ])
    }
}
