import Foundation
import Kubernetes
import Policy
import TestSupport
import Testing
import YAMLSyntax

/// The independent check of Steward's overlay patch files and kustomization references, on
/// their bytes: what the planner writes passes; anything more is refused with its place.
@Suite struct OverlayPatchScopeTests {
    let inventory: Inventory
    let scope: OverlayPatchScope

    init() throws {
        inventory = try Inventory(tree: InMemoryFileTree(GitOpsFixture.files.mapValues { Array($0.utf8) }))
        let policy = try Policy(
            bytes: Array(GitOpsFixture.files["policies/steward.yaml"]!.utf8), path: "policies/steward.yaml")
        scope = OverlayPatchScope(
            inventory: inventory, policy: policy, cluster: "prod", actions: [.rightsize])
    }

    static let patchFile = "apps/shop/overlays/prod/steward-resources.yaml"
    static let kustomization = "apps/shop/overlays/prod/kustomization.yaml"

    static func patch(_ extra: String = "", cpu: String = "180m") -> [UInt8] {
        Array(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: app
            \(extra)          resources:
                        requests:
                          cpu: \(cpu)

            """.utf8)
    }

    func edits(patch: [UInt8], kustomization: String? = nil) -> [ChangedFile] {
        let original = GitOpsFixture.files[Self.kustomization]!
        let referenced =
            kustomization
            ?? original.replacingOccurrences(
                of: "      name: web\n", with: "      name: web\n  - path: steward-resources.yaml\n")
        return [
            ChangedFile(path: Self.patchFile, before: nil, after: patch),
            ChangedFile(
                path: Self.kustomization, before: Array(original.utf8), after: Array(referenced.utf8)),
        ]
    }

    @Test func acceptsWhatThePlannerWrites() {
        let edits = edits(patch: Self.patch())
        let (own, other) = scope.partition(
            edits + [ChangedFile(path: "apps/shop/base/web.yaml", before: [], after: [])])
        #expect(own.map(\.path) == [Self.patchFile, Self.kustomization])
        #expect(other.map(\.path) == ["apps/shop/base/web.yaml"])
        #expect(scope.check(own) == [])
    }

    @Test func refusesAPatchThatSetsMoreThanResources() {
        #expect(
            scope.check(edits(patch: Self.patch("          image: evil/miner:latest\n")))
                == [
                    "apps/shop/overlays/prod/steward-resources.yaml#0: holds more than the workload's identity "
                        + "and container resources"
                ])
    }

    @Test func refusesAValueThePolicyDoesNotAllow() {
        #expect(
            scope.check(edits(patch: Self.patch(cpu: "lots")))
                == [
                    "apps/shop/overlays/prod/steward-resources.yaml#0:spec.template.spec.containers[name=app]"
                        + ".resources.requests.cpu: not a Kubernetes quantity"
                ])
    }

    @Test func refusesAPatchForAWorkloadTheOverlayDoesNotDeploy() {
        let patch = String(decoding: Self.patch(), as: UTF8.self).replacingOccurrences(
            of: "name: web", with: "name: payments")
        #expect(
            scope.check(edits(patch: Array(patch.utf8)))
                == [
                    "apps/shop/overlays/prod/steward-resources.yaml#0:spec.template.spec.containers[name=app]"
                        + ".resources.requests.cpu: names no container of exactly one target of the overlay"
                ])
    }

    @Test func refusesAKustomizationChangeBeyondTheReference() {
        let original = GitOpsFixture.files[Self.kustomization]!
        let changed = original.replacingOccurrences(of: "newTag: 2.15.0", with: "newTag: 2.16.0")
            .replacingOccurrences(
                of: "      name: web\n", with: "      name: web\n  - path: steward-resources.yaml\n")
        let violations = scope.check(edits(patch: Self.patch(), kustomization: changed))
        #expect(
            violations == [
                "apps/shop/overlays/prod/kustomization.yaml: changes more than a reference to steward-resources.yaml: "
                    + "patches[2]: (absent) -> {path: steward-resources.yaml}; images[0].newTag: 2.15.0 -> 2.16.0"
            ])
    }

    /// The resolver gives the rendered workload, so a rule on the overlay's namespace applies
    /// to a field defined in the base, and a values file resolves to its chart's workload.
    @Test func resolvesFieldsToTheRenderedWorkload() throws {
        let resolver = InventoryFieldResolver(inventory: inventory)
        let values = resolver.resolve(
            DocumentLocation(
                file: "charts/catalog/values-prod.yaml", document: 0, before: nil, after: nil,
                path: try YAMLPath(parsing: "resources.requests.memory")), cluster: "prod")
        #expect(values?.subject.workload.description == "catalog/Deployment/catalog-prod")
        #expect(values?.container == "catalog")
        #expect(
            values?.path.description
                == "spec.template.spec.containers[name=catalog].resources.requests.memory")
        let shared = resolver.resolve(
            DocumentLocation(
                file: "apps/shop/base/web.yaml", document: 0, before: nil, after: nil,
                path: try YAMLPath(parsing: "spec.template.spec.containers[0].resources.requests.cpu")),
            cluster: "prod")
        #expect(shared == nil)
    }
}
