import Foundation
import Kubernetes
import TestSupport
import Testing

/// Steward's renderer against `kubectl kustomize` (kustomize v5.5.0): for every Kustomize folder
/// of the fixtures, the workloads, containers, resource fields, replicas, images and autoscalers
/// must agree.
@Suite struct KustomizeAgreementTests {
    @Test(arguments: GitOpsFixture.kustomizations)
    func agreesWithKubectlOnTheFixtureRepository(directory: String) throws {
        let fixture = try FixtureInventory()
        let target = try #require(fixture.inventory.targets.first { $0.paths == [directory] })
        let expected = try KubectlRender.facts(
            of: fixture.directory.path(directory), defaultNamespace: target.namespace)
        #expect(!expected.isEmpty)
        #expect(KubectlRender.facts(of: target) == expected)
    }

    /// `steward plan`'s diff applied with `git apply`: kubectl and Steward still agree on every
    /// Kustomize folder, with the new values.
    @Test func agreesWithKubectlAfterStewardsEdits() throws {
        let workspace = try TemporaryDirectory("steward-kustomize")
        let repo = workspace.path("repo")
        try GitOpsFixture.write(to: repo)
        try workspace.write("profiles.json", GitOpsFixture.profilesJSON())
        let output = try PackagePaths.steward().run(
            ["plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json"],
            in: workspace.url.path)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let diff = try #require(plan["diff"] as? String)
        #expect(diff.contains("+++ b/apps/shop/overlays/prod/steward-resources.yaml"))
        try ExternalTool.git.run(["init", "-q"], in: repo.path)
        try ExternalTool.git.run(["apply", "-"], in: repo.path, input: Array(diff.utf8))
        let inventory = try Inventory(tree: DirectoryFiles.tree(repo))
        for directory in GitOpsFixture.kustomizations {
            let target = try #require(inventory.targets.first { $0.paths == [directory] })
            #expect(target.problems.isEmpty)
            let expected = try KubectlRender.facts(
                of: repo.appendingPathComponent(directory), defaultNamespace: target.namespace)
            #expect(KubectlRender.facts(of: target) == expected, "\(directory)")
        }
        // Memory is right-sized; the CPU request stays, since an HPA scales web on CPU utilisation.
        let prod = try #require(inventory.target(named: "shop-prod"))
        #expect(
            KubectlRender.facts(of: prod).contains(
                "  main app image=ghcr.io/example/shop-web:2.15.0 requests.cpu=500m requests.memory=384Mi "
                    + "limits.cpu=2 limits.memory=384Mi"))
    }

    @Test(arguments: KustomizeEdgeCases.directories)
    func agreesWithKubectlOnEdgeCases(directory: String) throws {
        let workspace = try TemporaryDirectory("steward-kustomize")
        try GitOpsFixture.write(to: workspace.url, files: KustomizeEdgeCases.files)
        let inventory = try Inventory(
            tree: InMemoryFileTree(KustomizeEdgeCases.files.mapValues { Array($0.utf8) }))
        let target = try #require(
            inventory.target(named: directory), "targets: \(inventory.targets.map(\.name))")
        #expect(target.problems.isEmpty)
        let expected = try KubectlRender.facts(of: workspace.path(directory), defaultNamespace: nil)
        #expect(!expected.isEmpty)
        #expect(KubectlRender.facts(of: target) == expected)
    }
}
