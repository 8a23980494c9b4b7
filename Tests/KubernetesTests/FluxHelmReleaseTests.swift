import Kubernetes
import TestSupport
import Testing
import YAMLSyntax

/// A Flux HelmRelease's values layers: the chart's values (or `valuesFiles` instead), `valuesFrom`
/// ConfigMaps made in the repository, `spec.values`.
@Suite struct FluxHelmReleaseTests {
    static func release(_ spec: String) -> [String: String] {
        GitOpsFixture.files.filter { $0.key.hasPrefix("charts/podinfo/") }.merging([
            "clusters/prod/podinfo/release.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
              namespace: web
            spec:
              chart:
                spec:
                  chart: ./charts/podinfo
                  sourceRef: {kind: GitRepository, name: flux-system}
            \(spec)

            """,
            "clusters/prod/podinfo/kustomization.yaml": """
            resources: [release.yaml]
            configMapGenerator:
              - name: podinfo-values
                files:
                  - values.yaml=prod-values.yaml

            """,
            "clusters/prod/podinfo/prod-values.yaml": """
            resources:
              requests:
                memory: 96Mi   # from the March load test

            """,
            "clusters/prod/settings.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo-limits
              namespace: web
            data:
              values.yaml: |
                resources:
                  limits:
                    memory: 256Mi

            """,
        ]) { $1 }
    }

    func container(_ files: [String: String]) throws -> (Inventory, DeploymentTarget, Workload) {
        let inventory = try Inventory(tree: InMemoryFileTree(files.mapValues { Array($0.utf8) }))
        let target = try #require(inventory.target(named: "web/podinfo"))
        let workload = try #require(target.workloads.first)
        return (inventory, target, workload)
    }

    @Test func readsValuesFromConfigMapsMadeInTheRepository() throws {
        let (inventory, target, workload) = try container(
            Self.release(
                """
                  valuesFrom:
                    - kind: ConfigMap
                      name: podinfo-values
                    - kind: ConfigMap
                      name: podinfo-limits
                  values:
                    replicaCount: 2
                """))
        #expect(target.problems.isEmpty)
        #expect(workload.name == "podinfo")
        #expect(workload.namespace == "web")
        let podinfo = try #require(workload.container("podinfod"))
        let located = ResourceField.allCases.compactMap { field in
            podinfo.locations[field].map {
                "\(field.rawValue)=\(podinfo.resources[field]!.text) \($0.location) \($0.readOnlyReason ?? "editable")"
            }
        }
        #expect(
            located == [
                "requests.cpu=1m charts/podinfo/values.yaml#0:resources.requests.cpu editable",
                "requests.memory=96Mi clusters/prod/podinfo/prod-values.yaml#0:resources.requests.memory editable",
                "limits.memory=256Mi clusters/prod/settings.yaml#0:data[\"values.yaml\"] "
                    + "inside the values.yaml string of ConfigMap podinfo-limits at clusters/prod/settings.yaml:7",
            ])
        #expect(
            inventory.placement(of: .requestsMemory, container: "podinfod", workload: workload, in: target)
                == .inPlace(
                    SourceLocation(
                        file: "clusters/prod/podinfo/prod-values.yaml", document: 0,
                        path: try YAMLPath(parsing: "resources.requests.memory"))))
        // The CPU request comes from the chart's defaults, which only this release reads: still,
        // it goes into the release's own values file, never into the chart's values.yaml.
        #expect(
            inventory.placement(of: .requestsCPU, container: "podinfod", workload: workload, in: target)
                == .inPlace(
                    SourceLocation(
                        file: "clusters/prod/podinfo/prod-values.yaml", document: 0,
                        path: try YAMLPath(parsing: "resources.requests.cpu"))))
        #expect(
            inventory.placement(of: .limitsMemory, container: "podinfod", workload: workload, in: target)
                == .unwritable(
                    "the memory limit is set in clusters/prod/settings.yaml (inside the values.yaml string of "
                        + "ConfigMap podinfo-limits at clusters/prod/settings.yaml:7), which overrides every values "
                        + "file Steward could write"))
    }

    @Test func valuesFilesReplaceTheChartDefaults() throws {
        let (_, target, workload) = try container(
            Self.release(
                """
                      valuesFiles:
                        - clusters/prod/podinfo/prod-values.yaml
                """))
        #expect(target.problems.isEmpty)
        let podinfo = try #require(workload.container("podinfod"))
        #expect(podinfo.resources[.requestsCPU] == nil)
        #expect(podinfo.resources[.requestsMemory]?.text == "96Mi")
    }

    @Test func reportsAConfigMapThatIsNotInTheRepository() throws {
        let (_, target, _) = try container(
            Self.release(
                """
                  valuesFrom:
                    - kind: ConfigMap
                      name: elsewhere
                    - kind: Secret
                      name: credentials
                """))
        #expect(
            target.problems.map { "\($0.description) blocks=\($0.blocksWrites)" } == [
                "clusters/prod/podinfo/release.yaml:12:7: ConfigMap elsewhere for the values is not in the repository "
                    + "blocks=true",
                "clusters/prod/podinfo/release.yaml:14:7: values from Secret credentials are not read "
                    + "(secrets stay secret) blocks=false",
            ])
    }
}
