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
