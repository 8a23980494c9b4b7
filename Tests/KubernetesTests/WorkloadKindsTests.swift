import Foundation
import Kubernetes
import TestSupport
import Testing

/// DaemonSet, Job, CronJob and Argo Rollout in one Kustomize repository (`WorkloadKindsFixture`):
/// their containers, resource fields and the file:line that defines each field after the
/// overlay's patches, and agreement with `kubectl kustomize`.
@Suite struct WorkloadKindsTests {
    let fixture: FixtureInventory

    init() throws {
        fixture = try FixtureInventory(files: WorkloadKindsFixture.files)
    }

    @Test func theOverlayIsTheOnlyTargetAndRendersEveryKind() throws {
        #expect(fixture.inventory.problems.isEmpty)
        #expect(fixture.inventory.targets.map(\.name) == [WorkloadKindsFixture.overlay])
        let target = try fixture.target(WorkloadKindsFixture.overlay)
        #expect(target.problems.isEmpty)
        let rendered = target.workloads.map { workload in
            "\(workload.namespace ?? "-")/\(workload.kind)/\(workload.name) \(workload.apiVersion) "
                + "\(workload.file)#\(workload.document) replicas=\(workload.replicas.map(String.init) ?? "-") "
                + workload.containers.map { "\($0.role.rawValue):\($0.name)@\($0.image ?? "-") \($0.path)" }
                .joined(separator: ",")
        }
        #expect(
            rendered == [
                "ops/DaemonSet/node-agent apps/v1 ops/base/node-agent.yaml#0 replicas=- "
                    + "main:agent@ghcr.io/example/node-agent:3.2.0 spec.template.spec.containers[name=agent]",
                "ops/Job/db-migrate batch/v1 ops/base/migrate.yaml#0 replicas=- "
                    + "init:wait-db@busybox:1.36 spec.template.spec.initContainers[name=wait-db],"
                    + "main:migrate@ghcr.io/example/migrate:5.0.1 spec.template.spec.containers[name=migrate]",
                "ops/CronJob/nightly-report batch/v1 ops/base/report.yaml#0 replicas=- "
                    + "main:report@ghcr.io/example/report:1.4.0 "
                    + "spec.jobTemplate.spec.template.spec.containers[name=report]",
                "ops/Rollout/checkout argoproj.io/v1alpha1 ops/base/checkout.yaml#0 replicas=3 "
                    + "sidecar:mesh-proxy@envoyproxy/envoy:v1.31.0 spec.template.spec.initContainers[name=mesh-proxy],"
                    + "main:checkout@ghcr.io/example/checkout:2.8.0 spec.template.spec.containers[name=checkout]",
            ])
    }

    @Test func recordsWhereEachFieldIsDefined() throws {
        let overlay = WorkloadKindsFixture.overlay
        let fields = try [
            ("DaemonSet", "node-agent", "agent"), ("Job", "db-migrate", "wait-db"),
            ("Job", "db-migrate", "migrate"), ("CronJob", "nightly-report", "report"),
            ("Rollout", "checkout", "mesh-proxy"), ("Rollout", "checkout", "checkout"),
        ].flatMap { kind, name, container in
            let workload = try fixture.workload(overlay, kind, name)
            let spec = try #require(workload.container(container))
            return ResourceField.allCases.compactMap { field -> String? in
                guard let location = spec.locations[field] else { return nil }
                let value = spec.resources[field]?.text ?? "?"
                return "\(kind)/\(name)/\(container) \(field.rawValue) \(value) "
                    + "\(location.location) \(location.line):\(location.column)"
            }
        }
        let containers = "spec.template.spec.containers"
        let inits = "spec.template.spec.initContainers"
        #expect(
            fields == [
                "DaemonSet/node-agent/agent requests.cpu 100m ops/base/node-agent.yaml#0:"
                    + "\(containers)[name=agent].resources.requests.cpu 17:20",
                "DaemonSet/node-agent/agent requests.memory 128Mi ops/base/node-agent.yaml#0:"
                    + "\(containers)[name=agent].resources.requests.memory 18:23",
                "DaemonSet/node-agent/agent limits.memory 384Mi ops/overlays/prod/node-agent-memory.yaml#0:"
                    + "\(containers)[name=agent].resources.limits.memory 12:23",
                "Job/db-migrate/wait-db requests.cpu 10m ops/base/migrate.yaml#0:"
                    + "\(inits)[name=wait-db].resources.requests.cpu 14:29",
                "Job/db-migrate/wait-db requests.memory 16Mi ops/base/migrate.yaml#0:"
                    + "\(inits)[name=wait-db].resources.requests.memory 14:42",
                "Job/db-migrate/migrate requests.cpu 250m ops/base/migrate.yaml#0:"
                    + "\(containers)[name=migrate].resources.requests.cpu 20:20",
                "Job/db-migrate/migrate requests.memory 256Mi ops/base/migrate.yaml#0:"
                    + "\(containers)[name=migrate].resources.requests.memory 21:23",
                "Job/db-migrate/migrate limits.memory 512Mi ops/base/migrate.yaml#0:"
                    + "\(containers)[name=migrate].resources.limits.memory 23:23",
                "CronJob/nightly-report/report requests.cpu 500m ops/base/report.yaml#0:"
                    + "spec.jobTemplate.\(containers)[name=report].resources.requests.cpu 17:24",
                "CronJob/nightly-report/report requests.memory 1Gi ops/base/report.yaml#0:"
                    + "spec.jobTemplate.\(containers)[name=report].resources.requests.memory 18:27",
                "Rollout/checkout/mesh-proxy requests.cpu 50m ops/base/checkout.yaml#0:"
                    + "\(inits)[name=mesh-proxy].resources.requests.cpu 23:29",
                "Rollout/checkout/mesh-proxy requests.memory 64Mi ops/base/checkout.yaml#0:"
                    + "\(inits)[name=mesh-proxy].resources.requests.memory 23:42",
                "Rollout/checkout/checkout requests.cpu 300m ops/base/checkout.yaml#0:"
                    + "\(containers)[name=checkout].resources.requests.cpu 29:20",
                "Rollout/checkout/checkout requests.memory 512Mi ops/base/checkout.yaml#0:"
                    + "\(containers)[name=checkout].resources.requests.memory 30:23",
                // The JSON 6902 patch's `value` wins over the base's `cpu: "1"`.
                "Rollout/checkout/checkout limits.cpu 2 ops/overlays/prod/checkout-cpu-limit.yaml#0:[0].value 3:10",
                "Rollout/checkout/checkout limits.memory 1Gi ops/base/checkout.yaml#0:"
                    + "\(containers)[name=checkout].resources.limits.memory 33:23",
            ])
    }

    @Test func agreesWithKubectl() throws {
        let target = try fixture.target(WorkloadKindsFixture.overlay)
        let expected = try KubectlRender.facts(
            of: fixture.directory.path(WorkloadKindsFixture.overlay), defaultNamespace: target.namespace)
        #expect(expected.count == 10)
        #expect(KubectlRender.facts(of: target) == expected)
    }
}
