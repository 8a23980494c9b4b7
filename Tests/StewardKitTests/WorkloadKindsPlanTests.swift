import Foundation
import TestSupport
import Testing

/// `steward plan` on the DaemonSet / Job / CronJob / Argo Rollout repository with production
/// profiles for the DaemonSet and the Rollout: each change lands in the file that defines the
/// field (the base for requests, the overlay's patch for the DaemonSet's memory limit), and
/// `kubectl kustomize` of the patched overlay shows exactly the new values.
@Suite struct WorkloadKindsPlanTests {
    static let containers = "spec.template.spec.containers"

    @Test func rightSizesTheDaemonSetAndTheRolloutWhereTheirFieldsAreDefined() throws {
        let fixture = try GitOpsPlanFixture(
            files: WorkloadKindsFixture.files, profiles: WorkloadKindsFixture.profilesJSON())
        let plan = try fixture.planJSON()
        let agent = "ops/base/node-agent.yaml#0:\(Self.containers)[name=agent].resources"
        let checkout = "ops/base/checkout.yaml#0:\(Self.containers)[name=checkout].resources"
        #expect(
            GitOpsPlanFixture.changes(plan) == [
                "ops/overlays/prod agent requests.cpu 100m->70m in-place \(agent).requests.cpu",
                "ops/overlays/prod agent requests.memory 128Mi->220Mi in-place \(agent).requests.memory",
                "ops/overlays/prod agent limits.memory 384Mi->220Mi in-place "
                    + "ops/overlays/prod/node-agent-memory.yaml#0:\(Self.containers)[name=agent].resources.limits.memory",
                "ops/overlays/prod checkout requests.cpu 300m->460m in-place \(checkout).requests.cpu",
                "ops/overlays/prod checkout requests.memory 512Mi->439Mi in-place \(checkout).requests.memory",
                "ops/overlays/prod checkout limits.memory 1Gi->439Mi in-place \(checkout).limits.memory",
            ])
        let diff = try #require(plan["diff"] as? String)
        let edited = [
            "ops/base/checkout.yaml", "ops/base/node-agent.yaml", "ops/overlays/prod/node-agent-memory.yaml",
        ]
        let old = try Self.blobIDs(edited, in: fixture.repo)
        let before = try Self.documents(fixture.kustomize(WorkloadKindsFixture.overlay))
        try fixture.apply(plan)
        let new = try Self.blobIDs(edited, in: fixture.repo)
        #expect(
            diff == """
                diff --git a/ops/base/checkout.yaml b/ops/base/checkout.yaml
                index \(old[0])..\(new[0]) 100644
                --- a/ops/base/checkout.yaml
                +++ b/ops/base/checkout.yaml
                @@ -26,8 +26,8 @@ spec:
                           image: ghcr.io/example/checkout:2.8.0
                           resources:
                             requests:
                -              cpu: 300m
                -              memory: 512Mi
                +              cpu: 460m
                +              memory: 439Mi
                             limits:
                               cpu: "1"
                -              memory: 1Gi
                +              memory: 439Mi
                diff --git a/ops/base/node-agent.yaml b/ops/base/node-agent.yaml
                index \(old[1])..\(new[1]) 100644
                --- a/ops/base/node-agent.yaml
                +++ b/ops/base/node-agent.yaml
                @@ -14,7 +14,7 @@ spec:
                           image: ghcr.io/example/node-agent:3.2.0
                           resources:
                             requests:
                -              cpu: 100m
                -              memory: 128Mi
                +              cpu: 70m
                +              memory: 220Mi
                             limits:
                               memory: 256Mi
                diff --git a/ops/overlays/prod/node-agent-memory.yaml b/ops/overlays/prod/node-agent-memory.yaml
                index \(old[2])..\(new[2]) 100644
                --- a/ops/overlays/prod/node-agent-memory.yaml
                +++ b/ops/overlays/prod/node-agent-memory.yaml
                @@ -9,4 +9,4 @@ spec:
                         - name: agent
                           resources:
                             limits:
                -              memory: 384Mi
                +              memory: 220Mi

                """)

        let after = try Self.documents(fixture.kustomize(WorkloadKindsFixture.overlay))
        #expect(after["Job"] == before["Job"])
        #expect(after["CronJob"] == before["CronJob"])
        #expect(
            after["DaemonSet"]?.hasSuffix(
                """
                    spec:
                      containers:
                      - image: ghcr.io/example/node-agent:3.2.0
                        name: agent
                        resources:
                          limits:
                            memory: 220Mi
                          requests:
                            cpu: 70m
                            memory: 220Mi

                """) == true, "\(after["DaemonSet"] ?? "no DaemonSet")")
        #expect(
            after["Rollout"]?.hasSuffix(
                """
                    spec:
                      containers:
                      - image: ghcr.io/example/checkout:2.8.0
                        name: checkout
                        resources:
                          limits:
                            cpu: "2"
                            memory: 439Mi
                          requests:
                            cpu: 460m
                            memory: 439Mi
                      initContainers:
                      - image: envoyproxy/envoy:v1.31.0
                        name: mesh-proxy
                        resources:
                          requests:
                            cpu: 50m
                            memory: 64Mi
                        restartPolicy: Always

                """) == true, "\(after["Rollout"] ?? "no Rollout")")
    }

    /// The blob ids of `paths` in `repo` (`git hash-object`), abbreviated as a diff's `index` line.
    static func blobIDs(_ paths: [String], in repo: URL) throws -> [String] {
        try paths.map { path in
            String(try ExternalTool.git.run(["hash-object", path], in: repo.path).prefix(7))
        }
    }

    /// The documents of `kubectl kustomize` output by kind (one resource per kind here).
    static func documents(_ output: String) -> [String: String] {
        var byKind: [String: String] = [:]
        for document in output.components(separatedBy: "---\n") {
            guard let kind = document.split(separator: "\n").first(where: { $0.hasPrefix("kind: ") }) else {
                continue
            }
            byKind[String(kind.dropFirst("kind: ".count))] = document
        }
        return byKind
    }
}
