import Foundation
import TestSupport
import Testing

/// `steward plan --config`: cluster names for Argo CD destinations, the patch file's name, and
/// configuration errors with their position.
@Suite struct ConfigurationTests {
    @Test func mapsDestinationsToClustersAndPlansOnlyThePlannedCluster() throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.directory.write(
            "steward.yaml",
            """
            apiVersion: steward.dev/v1
            kind: Configuration
            inventory:
              clusters:
                https://kubernetes.default.svc: staging-cluster

            """)
        let plan = try fixture.planJSON(["--config", "steward.yaml"])
        let targets = try #require(plan["targets"] as? [[String: Any]])
        #expect(
            targets.map { "\($0["name"]!) \($0["cluster"] as? String ?? "-") \($0["planned"]!)" } == [
                "apps/podinfo - 1", "cart staging-cluster 0", "catalog-prod staging-cluster 0",
                "catalog-staging staging-cluster 0", "orders-eu - 1", "orders-us - 1",
                "shop-prod staging-cluster 0", "shop-staging staging-cluster 0",
                "tools-exporter staging-cluster 0",
                "tools-janitor staging-cluster 0",
            ])
        let planned = Set(GitOpsPlanFixture.changes(plan).map { String($0.split(separator: " ")[0]) })
        #expect(planned == ["apps/podinfo", "orders-eu", "orders-us"])
    }

    @Test func takesTheClusterAndPolicyOfTheFileUnlessTheCommandLineSaysOtherwise() throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.directory.write("steward.yaml", "cluster: elsewhere\npolicy: policies/strict.yaml\n")
        let plan = try fixture.planJSON(["--config", "steward.yaml"])
        #expect(plan["cluster"] as? String == "elsewhere")
        #expect((plan["policy"] as? [String: Any])?["path"] as? String == "policies/strict.yaml")

        let overridden = try fixture.planJSON([
            "--config", "steward.yaml", "--cluster", "default", "--policy", "policies/steward.yaml",
        ])
        #expect(overridden["cluster"] as? String == "default")
        #expect((overridden["policy"] as? [String: Any])?["path"] as? String == "policies/steward.yaml")
    }

    @Test func writesOverlayPatchesUnderTheConfiguredName() throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.directory.write("steward.yaml", "inventory:\n  patchFile: sizing.yaml\n")
        let plan = try fixture.planJSON(["--config", "steward.yaml"])
        let files = Set(
            GitOpsPlanFixture.changes(plan).filter { $0.contains("overlay-patch") }.map {
                String($0.split(separator: " ")[5].split(separator: "#")[0])
            })
        #expect(
            files == [
                "apps/orders/overlays/eu/sizing.yaml", "apps/orders/overlays/us/sizing.yaml",
                "apps/shop/overlays/prod/sizing.yaml",
            ])
        try fixture.apply(plan)
        #expect(
            try fixture.read("apps/orders/overlays/eu/kustomization.yaml").hasSuffix(
                "patches:\n- path: sizing.yaml\n"))
    }

    @Test(arguments: [
        (
            "inventory:\n  cluster: {a: b}\n",
            """
            steward: error: steward.yaml:2:3: inventory: unknown field "cluster"; did you mean "clusters"?
              cluster: {a: b}
              ^

            """
        ),
        (
            "inventory:\n  ignore: [/abs/path]\n",
            """
            steward: error: steward.yaml:2:12: inventory.ignore[0]: expected a path relative to the repository root
              ignore: [/abs/path]
                       ^

            """
        ),
        (
            "publish:\n  groupBy: team\n",
            """
            steward: error: steward.yaml:2:12: publish.groupBy: expected one of target, namespace, workload, all, found "team"
              groupBy: team
                       ^

            """
        ),
        (
            "inventory:\n  patchFile: ../escape.yaml\n",
            """
            steward: error: steward.yaml:2:14: inventory.patchFile: expected a file name ending in .yaml
              patchFile: ../escape.yaml
                         ^

            """
        ),
        (
            "inventory:\n  helm:\n    - chart: shop\n      container: app\n",
            """
            steward: error: steward.yaml:3:7: inventory.helm[0].values: required
                - chart: shop
                  ^

            """
        ),
        (
            "apiVersion: steward.dev/v2\npublish:\n  groupBy: team\n",
            """
            steward: error: steward.yaml:1:13: apiVersion: expected steward.dev/v1, found steward.dev/v2
            apiVersion: steward.dev/v2
                        ^
            steward.yaml:3:12: publish.groupBy: expected one of target, namespace, workload, all, found "team"
              groupBy: team
                       ^

            """
        ),
        (
            "argocd:\n  server: argocd.example.com\n",
            """
            steward: error: steward.yaml:2:3: argocd.tokenFile: required
              server: argocd.example.com
              ^
            steward.yaml:2:11: argocd.server: expected an https:// URL of the Argo CD API server
              server: argocd.example.com
                      ^

            """
        ),
        (
            "argocd:\n  server: https://argocd.example.com\n  tokenFile: t\n  operationTimeout: soon\n",
            """
            steward: error: steward.yaml:4:21: argocd.operationTimeout: expected a duration such as 30s or 5m, found "soon"
              operationTimeout: soon
                                ^

            """
        ),
        (
            "argocd:\n  server: https://argocd.example.com\n  tokenFile: t\n  pollInterval: 5m\n",
            """
            steward: error: steward.yaml:4:17: argocd.pollInterval: must be shorter than argocd.operationTimeout (5m), or a rollback could not be read even once
              pollInterval: 5m
                            ^

            """
        ),
        (
            "argocd:\n  server: https://argocd.example.com\n  token: t\n",
            """
            steward: error: steward.yaml:2:3: argocd.tokenFile: required
              server: https://argocd.example.com
              ^
            steward.yaml:3:3: argocd: unknown field "token"
              token: t
              ^

            """
        ),
        (
            "apiVersion: steward.dev/v2\n",
            """
            steward: error: steward.yaml:1:13: apiVersion: expected steward.dev/v1, found steward.dev/v2
            apiVersion: steward.dev/v2
                        ^

            """
        ),
    ])
    func refusesAConfigurationItCannotUse(configuration: String, message: String) throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.directory.write("steward.yaml", configuration)
        let output = try fixture.plan(["--config", "steward.yaml"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == message)
    }
}
