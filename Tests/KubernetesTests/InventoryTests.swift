import Kubernetes
import TestSupport
import Testing
import YAMLSyntax

/// The inventory of the fixture repository: targets, rendered workloads, and where each
/// container field is defined after patches and values files.
@Suite struct InventoryTests {
    let fixture: FixtureInventory

    init() throws {
        fixture = try FixtureInventory()
    }

    @Test func discoversEveryTargetWithItsDestination() throws {
        let summary = fixture.inventory.targets.map { target in
            [
                target.name, target.kind.rawValue, target.namespace ?? "-", target.cluster ?? "-",
                target.paths.joined(separator: ","), target.kustomizationFile ?? "-",
            ].joined(separator: " ")
        }
        #expect(
            summary == [
                "apps/podinfo HelmRelease apps - charts/podinfo -",
                "cart Application cart - apps/cart -",
                "catalog-prod Application catalog - charts/catalog -",
                "catalog-staging Application catalog-staging - charts/catalog -",
                "orders-eu Application orders-eu - apps/orders/overlays/eu apps/orders/overlays/eu/kustomization.yaml",
                "orders-us Application orders-us - apps/orders/overlays/us apps/orders/overlays/us/kustomization.yaml",
                "shop-prod Application shop - apps/shop/overlays/prod apps/shop/overlays/prod/kustomization.yaml",
                "shop-staging Application shop-staging - apps/shop/overlays/staging "
                    + "apps/shop/overlays/staging/kustomization.yaml",
                "tools-exporter ApplicationSet tools - tools/exporter -",
                "tools-janitor ApplicationSet tools - tools/janitor tools/janitor/kustomization.yaml",
            ])
        #expect(fixture.inventory.problems.isEmpty)
    }

    @Test func rendersNamesNamespacesReplicasAndImagesAsTheTargetDeploysThem() throws {
        let rendered = fixture.inventory.targets.flatMap { target in
            target.workloads.map { workload in
                "\(target.name): \(workload.namespace ?? "-")/\(workload.kind)/\(workload.name) "
                    + "replicas=\(workload.replicas.map(String.init) ?? "-") "
                    + workload.containers.map { "\($0.role.rawValue):\($0.name)@\($0.image ?? "-")" }
                    .joined(separator: ",")
            }
        }
        #expect(
            rendered == [
                "apps/podinfo: apps/Deployment/podinfo replicas=2 main:podinfod@-",
                "cart: cart/StatefulSet/cart-redis replicas=1 main:redis@redis:7.4",
                "catalog-prod: catalog/Deployment/catalog-prod replicas=- main:catalog@-",
                "catalog-prod: catalog/Deployment/catalog-prod-worker replicas=- main:worker@-,main:metrics@-",
                "catalog-staging: catalog-staging/Deployment/catalog replicas=1 main:catalog@-",
                "orders-eu: orders-eu/Deployment/orders replicas=- main:orders@ghcr.io/example/orders:7.1.0",
                "orders-us: orders-us/Deployment/orders replicas=4 main:orders@ghcr.io/example/orders:7.1.0",
                "shop-prod: shop/Deployment/web replicas=2 sidecar:log-shipper@fluent/fluent-bit:3.1.9,"
                    + "main:app@ghcr.io/example/shop-web:2.15.0,"
                    + "main:otel-agent@otel/opentelemetry-collector:0.110.0",
                "shop-staging: shop-staging/Deployment/staging-web replicas=1 "
                    + "sidecar:log-shipper@fluent/fluent-bit:3.1.9,main:app@ghcr.io/example/shop-web:2.14.1",
                "tools-exporter: tools/Deployment/exporter replicas=- main:exporter@prom/node-exporter:v1.8.2",
                "tools-janitor: tools/CronJob/janitor replicas=- main:janitor@ghcr.io/example/janitor:1.0",
            ])
    }

    /// Prod's `app` takes its requests from the shared base, its memory limit from prod's own
    /// strategic-merge patch and its CPU limit from the JSON 6902 patch; staging keeps the base.
    @Test func recordsTheLocationThatWinsAfterPatches() throws {
        let prod = try fixture.workload("shop-prod", "Deployment", "web")
        let app = try #require(prod.container("app"))
        #expect(
            describe(app) == [
                "requests.cpu 500m apps/shop/base/web.yaml#0:spec.template.spec.containers[name=app]"
                    + ".resources.requests.cpu 36:20",
                "requests.memory 1Gi apps/shop/base/web.yaml#0:spec.template.spec.containers[name=app]"
                    + ".resources.requests.memory 37:23",
                "limits.cpu 2 apps/shop/overlays/prod/cpu-limit.yaml#0:[0].value 4:10",
                "limits.memory 2Gi apps/shop/overlays/prod/memory.yaml#0:spec.template.spec.containers[name=app]"
                    + ".resources.limits.memory 13:23",
            ])
        let agent = try #require(prod.container("otel-agent"))
        #expect(
            describe(agent).first
                == "requests.cpu 20m apps/shop/components/tracing/agent.yaml#0:"
                + "spec.template.spec.containers[name=otel-agent].resources.requests.cpu 13:20")
        let staging = try fixture.workload("shop-staging", "Deployment", "staging-web")
        #expect(
            describe(try #require(staging.container("app"))).last
                == "limits.memory 1Gi apps/shop/base/web.yaml#0:spec.template.spec.containers[name=app]"
                + ".resources.limits.memory 39:23")
    }

    @Test func findsNativeSidecarsAndTheAutoscalerOfEachWorkload() throws {
        let staging = try fixture.workload("shop-staging", "Deployment", "staging-web")
        let sidecar = try #require(staging.container("log-shipper"))
        #expect(sidecar.role == .sidecar)
        #expect(sidecar.path.description == "spec.template.spec.initContainers[name=log-shipper]")
        let autoscaler = try #require(staging.autoscaler)
        #expect(autoscaler.name == "staging-web")
        #expect(autoscaler.targetName == "staging-web")
        #expect(autoscaler.namespace == "shop-staging")
        #expect(autoscaler.minReplicas == 2 && autoscaler.maxReplicas == 10)
        #expect(autoscaler.utilization == ["cpu": 70])
        let catalog = try fixture.workload("catalog-prod", "Deployment", "catalog-prod")
        #expect(catalog.autoscaler?.utilization == ["cpu": 80])
        #expect(catalog.autoscaler?.maxReplicas == 5)
        #expect(try fixture.workload("catalog-staging", "Deployment", "catalog").autoscaler == nil)
    }

    /// The chart's containers read `.Values.resources` and `.Values.worker.resources`; prod's
    /// values file wins where it sets a field, the chart's defaults elsewhere.
    @Test func mapsChartContainersToValuesPathsAndTheWinningFile() throws {
        let catalog = try #require(
            try fixture.workload("catalog-prod", "Deployment", "catalog-prod").container("catalog"))
        #expect(
            describe(catalog) == [
                "requests.cpu 250m charts/catalog/values-prod.yaml#0:resources.requests.cpu 6:10",
                "requests.memory 128Mi charts/catalog/values.yaml#0:resources.requests.memory 15:13",
                "limits.memory 256Mi charts/catalog/values.yaml#0:resources.limits.memory 17:13",
            ])
        guard case .helmValues(let values) = catalog.source else {
            Issue.record("catalog is not mapped to values: \(catalog.source)")
            return
        }
        #expect(values.evidence == "charts/catalog/templates/deployment.yaml:26")
        #expect(
            values.layers.map(\.root.file) == [
                "charts/catalog/values.yaml", "charts/catalog/values-prod.yaml",
            ])
        let worker = try #require(
            try fixture.workload("catalog-prod", "Deployment", "catalog-prod-worker").container("worker"))
        #expect(
            describe(worker) == [
                "requests.cpu 50m charts/catalog/values.yaml#0:worker.resources.requests.cpu 23:12",
                "requests.memory 64Mi charts/catalog/values.yaml#0:worker.resources.requests.memory 24:15",
            ])
    }

    @Test func reportsAChartContainerWhoseResourcesComeFromNoValues() throws {
        let target = try fixture.target("catalog-prod")
        #expect(
            target.problems.map(\.description) == [
                "charts/catalog/templates/worker.yaml:17:1: container metrics of Deployment catalog-prod-worker: "
                    + "the template sets no resources; map it in inventory.helm of the configuration"
            ])
        #expect(target.problems.allSatisfy { !$0.blocksWrites && $0.target == "catalog-prod" })
        #expect(target.isWritable)
        let metrics = try #require(
            try fixture.workload("catalog-prod", "Deployment", "catalog-prod-worker").container("metrics"))
        #expect(
            metrics.source
                == .unmapped("the template sets no resources; map it in inventory.helm of the configuration"))
    }

    @Test func aConfiguredMappingMapsAContainerTheTemplateDoesNot() throws {
        let mapping = HelmMapping(
            chart: "catalog", template: "templates/worker.yaml", container: "metrics",
            values: try YAMLPath(parsing: "worker.metrics.resources"))
        let fixture = try FixtureInventory(options: InventoryOptions(helmMappings: [mapping]))
        let metrics = try #require(
            try fixture.workload("catalog-prod", "Deployment", "catalog-prod-worker").container("metrics"))
        guard case .helmValues(let values) = metrics.source else {
            Issue.record("metrics is not mapped: \(metrics.source)")
            return
        }
        #expect(values.paths[.requestsCPU]?.description == "worker.metrics.resources.requests.cpu")
        #expect(values.evidence == "configured in inventory.helm")
        #expect(try fixture.target("catalog-prod").problems.isEmpty)
    }

    @Test func readsAFluxHelmReleaseWithInlineValues() throws {
        let podinfo = try #require(
            try fixture.workload("apps/podinfo", "Deployment", "podinfo").container("podinfod"))
        #expect(
            describe(podinfo) == [
                "requests.cpu 100m flux/podinfo.yaml#0:spec.values.resources.requests.cpu 19:14",
                "requests.memory 64Mi flux/podinfo.yaml#0:spec.values.resources.requests.memory 20:17",
            ])
    }

    @Test func expandsAnApplicationSetOverDirectories() throws {
        let janitor = try #require(
            try fixture.workload("tools-janitor", "CronJob", "janitor").container("janitor"))
        #expect(janitor.path.description == "spec.jobTemplate.spec.template.spec.containers[name=janitor]")
        #expect(
            try fixture.target("tools-janitor").definedIn
                == SourceLocation(file: "argocd/tools.yaml", document: 0))
        #expect(try fixture.target("tools-exporter").namespace == "tools")
    }

    /// In place where only the target reads the location; an overlay patch for a shared base;
    /// the most specific values file for Helm.
    @Test func placesEachFieldWhereOnlyItsTargetReadsIt() throws {
        func place(
            _ target: String, _ kind: String, _ name: String, _ container: String, _ field: ResourceField
        )
            throws -> String
        {
            let deployment = try fixture.target(target)
            let workload = try fixture.workload(target, kind, name)
            switch fixture.inventory.placement(
                of: field, container: container, workload: workload, in: deployment)
            {
            case .inPlace(let location): return "in place \(location)"
            case .overlayPatch(let patch):
                return
                    "patch \(patch.patchFile) \(patch.kind)/\(patch.name) \(patch.path) via \(patch.kustomizationFile)"
            case .unwritable(let reason): return "unwritable: \(reason)"
            }
        }
        #expect(
            try place("shop-prod", "Deployment", "web", "app", .requestsCPU)
                == "patch apps/shop/overlays/prod/steward-resources.yaml Deployment/web "
                + "spec.template.spec.containers[name=app].resources.requests.cpu "
                + "via apps/shop/overlays/prod/kustomization.yaml")
        #expect(
            try place("shop-prod", "Deployment", "web", "app", .limitsMemory)
                == "in place apps/shop/overlays/prod/memory.yaml#0:"
                + "spec.template.spec.containers[name=app].resources.limits.memory")
        #expect(
            try place("shop-prod", "Deployment", "web", "app", .limitsCPU)
                == "in place apps/shop/overlays/prod/cpu-limit.yaml#0:[0].value")
        #expect(
            try place("shop-prod", "Deployment", "web", "log-shipper", .limitsCPU)
                == "patch apps/shop/overlays/prod/steward-resources.yaml Deployment/web "
                + "spec.template.spec.initContainers[name=log-shipper].resources.limits.cpu "
                + "via apps/shop/overlays/prod/kustomization.yaml")
        #expect(
            try place("shop-prod", "Deployment", "web", "otel-agent", .requestsMemory)
                == "in place apps/shop/components/tracing/agent.yaml#0:"
                + "spec.template.spec.containers[name=otel-agent].resources.requests.memory")
        #expect(
            try place("shop-staging", "Deployment", "staging-web", "app", .requestsCPU)
                == "patch apps/shop/overlays/staging/steward-resources.yaml Deployment/web "
                + "spec.template.spec.containers[name=app].resources.requests.cpu "
                + "via apps/shop/overlays/staging/kustomization.yaml")
        #expect(
            try place("cart", "StatefulSet", "cart-redis", "redis", .limitsCPU)
                == "in place apps/cart/redis.yaml#0:spec.template.spec.containers[name=redis].resources.limits.cpu"
        )
        #expect(
            try place("catalog-prod", "Deployment", "catalog-prod", "catalog", .requestsCPU)
                == "in place charts/catalog/values-prod.yaml#0:resources.requests.cpu")
        #expect(
            try place("catalog-prod", "Deployment", "catalog-prod", "catalog", .requestsMemory)
                == "in place charts/catalog/values-prod.yaml#0:resources.requests.memory")
        #expect(
            try place("catalog-staging", "Deployment", "catalog", "catalog", .requestsCPU)
                == "in place charts/catalog/values-staging.yaml#0:resources.requests.cpu")
        #expect(
            try place("catalog-prod", "Deployment", "catalog-prod-worker", "metrics", .requestsCPU)
                == "unwritable: the template sets no resources; map it in inventory.helm of the configuration"
        )
        #expect(
            try place("apps/podinfo", "Deployment", "podinfo", "podinfod", .limitsMemory)
                == "in place flux/podinfo.yaml#0:spec.values.resources.limits.memory")
        #expect(
            try place("tools-janitor", "CronJob", "janitor", "janitor", .limitsMemory)
                == "in place tools/janitor/cronjob.yaml#0:"
                + "spec.jobTemplate.spec.template.spec.containers[name=janitor].resources.limits.memory")
    }

    @Test func mapsALocationBackToTheFieldsItDefines() throws {
        func owners(_ file: String, _ path: String) throws -> [String] {
            fixture.inventory.owners(
                of: SourceLocation(file: file, document: 0, path: try YAMLPath(parsing: path))
            ).map(\.description)
        }
        #expect(
            try owners("apps/shop/base/web.yaml", "spec.template.spec.containers[0].resources.requests.cpu")
                == [
                    "shop-prod: shop/Deployment/web container app requests.cpu",
                    "shop-staging: shop-staging/Deployment/staging-web container app requests.cpu",
                ])
        // Prod's memory limit comes from its own patch: the base's defines staging's only.
        #expect(
            try owners(
                "apps/shop/base/web.yaml", "spec.template.spec.containers[name=app].resources.limits.memory")
                == ["shop-staging: shop-staging/Deployment/staging-web container app limits.memory"])
        #expect(
            try owners("apps/shop/overlays/prod/cpu-limit.yaml", "[0].value")
                == ["shop-prod: shop/Deployment/web container app limits.cpu"])
        // A key Steward would create.
        #expect(
            try owners("charts/catalog/values-prod.yaml", "resources.limits.memory")
                == ["catalog-prod: catalog/Deployment/catalog-prod container catalog limits.memory"])
        #expect(
            try owners("charts/catalog/values.yaml", "resources.requests.cpu")
                == ["catalog-staging: catalog-staging/Deployment/catalog container catalog requests.cpu"])
        #expect(try owners("apps/shop/base/web.yaml", "spec.template.spec.containers[0].image").isEmpty)
        #expect(
            fixture.inventory.owners(
                ofPatch: "apps/shop/overlays/prod/steward-resources.yaml", kind: "Deployment", name: "web",
                namespace: nil, container: "app", field: .requestsCPU
            ).map(\.description) == ["shop-prod: shop/Deployment/web container app requests.cpu"])
    }

    @Test func namesTheTargetsThatReadEachDocument() {
        #expect(
            fixture.inventory.targets(using: "apps/shop/base/web.yaml", document: 0) == [
                "shop-prod", "shop-staging",
            ])
        #expect(
            fixture.inventory.targets(using: "charts/catalog/values.yaml", document: 0) == [
                "catalog-prod", "catalog-staging",
            ])
        #expect(fixture.inventory.targets(using: "argocd/shop.yaml", document: 1) == ["shop-prod"])
        #expect(
            fixture.inventory.targets(using: "apps/shop/components/tracing/agent.yaml", document: 0) == [
                "shop-prod"
            ])
    }

    private func describe(_ container: ContainerSpec) -> [String] {
        ResourceField.allCases.compactMap { field in
            guard let location = container.locations[field] else { return nil }
            let value = container.resources[field]?.text ?? container.invalidFields[field]?.text ?? "?"
            return "\(field.rawValue) \(value) \(location.location) \(location.line):\(location.column)"
        }
    }
}
