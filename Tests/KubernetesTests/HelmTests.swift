import Foundation
import Kubernetes
import TestSupport
import Testing
import YAMLSyntax

/// Helm releases: resource names from the helpers `helm create` writes, values paths read from
/// the templates, and the values layers Argo CD adds (files, `$ref` files of another source,
/// `values`, `valuesObject`, `parameters`).
@Suite struct HelmTests {
    static let chart: [String: String] = [
        "charts/api/Chart.yaml": "apiVersion: v2\nname: api\nversion: 1.0.0\n",
        "charts/api/values.yaml": """
        nameOverride: ""
        fullnameOverride: ""
        resources:
          requests: {cpu: 100m, memory: 128Mi}
        queue:
          consumer:
            resources:
              requests: {cpu: 10m}
        cpu: 200m

        """,
        "charts/api/templates/_helpers.tpl": """
        \(HelmCreateHelpers.fullname("api"))
        {{- define "api.resources" -}}
        {{ toYaml . }}
        {{- end }}

        """,
        "charts/api/templates/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "api.fullname" . }}
        spec:
          template:
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  resources: {{- toYaml .Values.resources | nindent 12 }}
                - name: pinned
                  resources:
                    requests:
                      cpu: {{ .Values.cpu | quote }}
                - name: consumer
                  resources:
                    {{- include "api.resources" .Values.queue.consumer.resources | nindent 12 }}
              {{- range .Values.extraContainers }}
                - name: {{ .name }}
              {{- end }}

        """,
    ]

    /// The container declared in a `range` loop has no name Steward can tell: a warning.
    static let rangeProblem =
        "charts/api/templates/deployment.yaml:19:1: cannot tell the name of a container of Deployment api: `{{ .name }}`"

    func inventory(_ application: String, extra: [String: String] = [:]) throws -> Inventory {
        var files = Self.chart.merging(extra) { $1 }
        files["argocd/api.yaml"] = application
        return try Inventory(tree: InMemoryFileTree(files.mapValues { Array($0.utf8) }))
    }

    static func application(name: String = "api", helm: String = "", sources: String? = nil) -> String {
        let source =
            sources
                ?? """
                  source:
                    path: charts/api
                    helm:
                \(helm.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
                """
        return """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: \(name)
            spec:
            \(source)
              destination:
                namespace: api

            """
    }

    @Test(arguments: [
        ("api", "", "api"),
        ("api-prod", "", "api-prod"),
        ("prod", "", "prod-api"),
        ("prod", "releaseName: my-api", "my-api"),
        ("prod", "valuesObject: {fullnameOverride: web}", "web"),
        ("prod", "valuesObject: {nameOverride: web}", "prod-web"),
        (
            "prod", "valuesObject: {fullnameOverride: \(String(repeating: "x", count: 62))-z}",
            String(repeating: "x", count: 62)
        ),
    ])
    func namesResourcesAsHelmCreatesHelpersDo(application: String, helm: String, name: String) throws {
        let inventory = try inventory(Self.application(name: application, helm: helm))
        #expect(inventory.targets.first?.workloads.map(\.name) == [name])
    }

    @Test func readsTheValuesPathOfEachContainerFromItsTemplate() throws {
        let inventory = try inventory(Self.application())
        let workload = try #require(inventory.targets.first?.workloads.first)
        func source(_ container: String) -> String {
            switch workload.container(container)?.source {
            case .helmValues(let values):
                return "\(values.paths[.requestsCPU]?.description ?? "-") (\(values.evidence))"
            case .unmapped(let reason): return "unmapped: \(reason)"
            default: return "?"
            }
        }
        #expect(source("api") == "resources.requests.cpu (charts/api/templates/deployment.yaml:10)")
        #expect(source("pinned") == "cpu (charts/api/templates/deployment.yaml:12)")
        #expect(
            source("consumer")
                == "queue.consumer.resources.requests.cpu (convention queue.consumer.resources "
                + "(charts/api/templates/deployment.yaml:16))")
        #expect(workload.container("pinned")?.resources[.requestsCPU]?.text == "200m")
        #expect(workload.containers.map(\.name) == ["api", "pinned", "consumer"])
    }

    /// Templates written with CRLF line endings read as with LF: the same names, containers and
    /// values paths, at the same lines.
    @Test func readsTemplatesWithCRLFLineEndings() throws {
        var files = Self.chart
        for path in ["charts/api/templates/_helpers.tpl", "charts/api/templates/deployment.yaml"] {
            files[path] = files[path]?.replacingOccurrences(of: "\n", with: "\r\n")
        }
        files["argocd/api.yaml"] = Self.application()
        let inventory = try Inventory(tree: InMemoryFileTree(files.mapValues { Array($0.utf8) }))
        let workload = try #require(inventory.targets.first?.workloads.first)
        #expect(workload.name == "api")
        #expect(workload.containers.map(\.name) == ["api", "pinned", "consumer"])
        guard case .helmValues(let values) = workload.container("api")?.source else {
            Issue.record("container api is not mapped to values")
            return
        }
        #expect(values.paths[.requestsCPU]?.description == "resources.requests.cpu")
        #expect(values.evidence == "charts/api/templates/deployment.yaml:10")
    }

    /// Precedence: chart values, value files in order, `values`, `valuesObject`, `parameters`.
    @Test func takesEachFieldFromTheLayerThatWins() throws {
        let helm = """
            valueFiles:
              - values-prod.yaml
              - $config/envs/prod.yaml
            values: |
              resources:
                requests:
                  memory: 300Mi
            valuesObject:
              resources:
                limits: {memory: 1Gi}
            parameters:
              - name: resources.limits.cpu
                value: "2"
            """
        let sources = """
              sources:
                - path: charts/api
                  helm:
            \(helm.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
                - repoURL: https://github.com/acme/config.git
                  ref: config
            """
        let inventory = try inventory(
            Self.application(sources: sources),
            extra: [
                "charts/api/values-prod.yaml": "resources:\n  requests:\n    cpu: 300m\n",
                "envs/prod.yaml": "resources:\n  requests:\n    cpu: 400m\n",
            ])
        let target = try #require(inventory.targets.first)
        #expect(target.problems.map(\.description) == [Self.rangeProblem])
        let api = try #require(target.workloads.first?.container("api"))
        let located = ResourceField.allCases.map { field in
            "\(field.rawValue)=\(api.resources[field]?.text ?? "-") "
                + "\(api.locations[field].map { "\($0.location) \($0.readOnlyReason ?? "editable")" } ?? "-")"
        }
        #expect(
            located == [
                "requests.cpu=400m envs/prod.yaml#0:resources.requests.cpu editable",
                "requests.memory=300Mi argocd/api.yaml#0:spec.sources[0].helm.values "
                    + "inside the helm.values string at argocd/api.yaml:12",
                "limits.cpu=2 argocd/api.yaml#0:spec.sources[0].helm.parameters[0].value editable",
                "limits.memory=1Gi argocd/api.yaml#0:spec.sources[0].helm.valuesObject.resources.limits.memory editable",
            ])
        let workload = try #require(target.workloads.first)
        func place(_ field: ResourceField) -> WritePlacement {
            inventory.placement(of: field, container: "api", workload: workload, in: target)
        }
        #expect(
            place(.requestsCPU)
                == .inPlace(
                    SourceLocation(
                        file: "envs/prod.yaml", document: 0,
                        path: try YAMLPath(parsing: "resources.requests.cpu"))))
        #expect(
            place(.requestsMemory)
                == .unwritable(
                    "the memory request is set in argocd/api.yaml (inside the helm.values string at argocd/api.yaml:12), "
                        + "which overrides every values file Steward could write"))
        #expect(
            place(.limitsMemory)
                == .inPlace(
                    SourceLocation(
                        file: "argocd/api.yaml", document: 0,
                        path: try YAMLPath(
                            parsing: "spec.sources[0].helm.valuesObject.resources.limits.memory"))))
        #expect(
            place(.limitsCPU)
                == .unwritable("the cpu limit is set by helm.parameters in argocd/api.yaml; edit it there"))
    }

    @Test func reportsAMissingValuesFileUnlessToldToIgnoreIt() throws {
        let missing = try inventory(Self.application(helm: "valueFiles: [values-prod.yaml]"))
        #expect(
            missing.targets.first?.problems.map(\.description) == [
                "argocd/api.yaml:9:20: values file 'values-prod.yaml' does not exist", Self.rangeProblem,
            ])
        #expect(missing.targets.first?.isWritable == false)
        let ignored = try inventory(
            Self.application(helm: "valueFiles: [values-prod.yaml]\nignoreMissingValueFiles: true"))
        #expect(ignored.targets.first?.problems.map(\.description) == [Self.rangeProblem])
        #expect(ignored.targets.first?.isWritable == true)
    }
}
