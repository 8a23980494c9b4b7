import Foundation
import Kubernetes
import TestSupport
import Testing
import YAMLSyntax

/// Target discovery beyond the main fixture: repositories without a deployment tool,
/// ApplicationSet list generators and Go templates, Flux Kustomizations, Argo CD's Kustomize
/// options, cluster names and repository URLs.
@Suite struct DiscoveryTests {
    func inventory(_ files: [String: String], options: InventoryOptions = InventoryOptions()) throws
        -> Inventory
    {
        try Inventory(tree: InMemoryFileTree(files.mapValues { Array($0.utf8) }), options: options)
    }

    func names(_ inventory: Inventory) -> [String] {
        inventory.targets.map { target in
            "\(target.name) \(target.kind.rawValue): "
                + target.workloads.map { "\($0.namespace ?? "-")/\($0.name)" }.joined(separator: ",")
        }
    }

    /// Without Argo CD or Flux: every kustomization no other one includes, and every folder of
    /// manifests; bases, components, charts and files that are not resources are not targets.
    @Test func findsTargetsWithoutADeploymentTool() throws {
        let inventory = try inventory([
            "base/kustomization.yaml": "resources: [web.yaml]\n",
            "base/web.yaml": SampleManifests.web,
            "overlays/a/kustomization.yaml":
                "resources: [../../base]\nnamePrefix: a-\ncomponents: [../../extra]\n",
            "overlays/b/kustomization.yaml": "resources: [../../base]\nnamePrefix: b-\n",
            "extra/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n",
            "plain/web.yaml": SampleManifests.web,
            "plain/values.yaml": "replicas: 2\n",
            "config/settings.yaml": "logLevel: debug\n",
            "charts/web/Chart.yaml": "name: web\n",
            "charts/web/values.yaml": "resources: {}\n",
            "charts/web/templates/deployment.yaml":
                "kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
        ])
        #expect(
            names(inventory) == [
                "overlays/a kustomization: -/a-web", "overlays/b kustomization: -/b-web",
                "plain directory: -/web",
            ])
        #expect(inventory.problems.isEmpty)
    }

    @Test func expandsListGeneratorsAndGoTemplates() throws {
        let inventory = try inventory([
            "apps/web/web.yaml": SampleManifests.web,
            "argocd/set.yaml": """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: web
            spec:
              goTemplate: true
              generators:
                - list:
                    elements:
                      - cluster: eu
                        values: {namespace: web-eu}
                      - cluster: us
                        values: {namespace: web-us}
              template:
                metadata:
                  name: 'web-{{.cluster}}'
                spec:
                  source:
                    path: apps/web
                  destination:
                    name: '{{ .cluster }}'
                    namespace: '{{.values.namespace}}'

            """,
        ])
        #expect(
            inventory.targets.map { "\($0.name) \($0.cluster ?? "-") \($0.namespace ?? "-")" } == [
                "web-eu eu web-eu", "web-us us web-us",
            ])
        #expect(
            names(inventory) == ["web-eu ApplicationSet: web-eu/web", "web-us ApplicationSet: web-us/web"])
    }

    @Test func reportsAPlaceholderItCannotFill() throws {
        let inventory = try inventory([
            "apps/web/web.yaml": SampleManifests.web,
            "argocd/set.yaml": """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: web
            spec:
              generators:
                - list:
                    elements: [{cluster: eu}]
              template:
                metadata:
                  name: 'web-{{cluster}}'
                spec:
                  source:
                    path: 'apps/{{app}}'
                  destination:
                    name: '{{cluster}}'

            """,
        ])
        #expect(inventory.targets.isEmpty)
        #expect(
            inventory.problems.map(\.description) == [
                "argocd/set.yaml:14:15: ApplicationSet web: cannot fill the template parameters of 'apps/{{app}}'"
            ])
    }

    /// A Flux Kustomization over a folder without a kustomization.yaml: every manifest below it,
    /// a sub-folder with its own kustomization taken whole, the target namespace set on all,
    /// an inline patch read from the Flux object (and so not editable in place).
    @Test func rendersAFluxKustomizationAsFluxGeneratesIt() throws {
        let inventory = try inventory([
            "clusters/prod/apps.yaml": """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
              namespace: flux-system
            spec:
              path: ./deploy
              targetNamespace: prod
              sourceRef:
                kind: GitRepository
                name: flux-system
              patches:
                - target:
                    kind: Deployment
                    name: web
                  patch: |
                    - op: replace
                      path: /spec/template/spec/containers/0/resources/requests/cpu
                      value: 250m

            """,
            "deploy/web.yaml": SampleManifests.web,
            "deploy/notes.yaml": "owner: team-web\n",
            "deploy/nested/worker.yaml": SampleManifests.web.replacingOccurrences(
                of: "name: web", with: "name: worker"),
            "deploy/kustomized/kustomization.yaml": "resources: [cron.yaml]\nnamePrefix: k-\n",
            "deploy/kustomized/cron.yaml": SampleManifests.web.replacingOccurrences(
                of: "name: web", with: "name: cron"),
        ])
        #expect(names(inventory) == ["flux-system/apps Kustomization: prod/web,prod/k-cron,prod/worker"])
        let target = try #require(inventory.target(named: "flux-system/apps"))
        let web = try #require(target.workload(kind: "Deployment", name: "web"))
        let location = try #require(web.container("app")?.locations[.requestsCPU])
        #expect(web.container("app")?.resources[.requestsCPU]?.text == "250m")
        #expect(location.location.description == "clusters/prod/apps.yaml#0:spec.patches[0].patch")
        #expect(location.readOnlyReason == "inside the inline patch at clusters/prod/apps.yaml:16")
        #expect(target.kustomizationFile == nil)
        #expect(
            inventory.placement(of: .requestsCPU, container: "app", workload: web, in: target)
                == .unwritable(
                    "inside the inline patch at clusters/prod/apps.yaml:16, and target flux-system/apps "
                        + "has no kustomization to hold a patch"))
    }

    /// Argo CD's `kustomize` options change the root kustomization: prefix, images, replicas.
    @Test func appliesArgoCDKustomizeOptions() throws {
        let inventory = try inventory([
            "apps/web/kustomization.yaml": "resources: [web.yaml]\nnamePrefix: base-\n",
            "apps/web/web.yaml": SampleManifests.web,
            "argocd/web.yaml": """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: web
            spec:
              source:
                path: apps/web
                kustomize:
                  namePrefix: prod-
                  images:
                    - nginx=registry.example.com/nginx:1.27.1
                  replicas:
                    - name: web
                      count: 4
              destination:
                namespace: web

            """,
        ])
        let web = try #require(inventory.target(named: "web")?.workloads.first)
        #expect(web.name == "prod-web")
        #expect(web.replicas == 4)
        #expect(web.container("app")?.image == "registry.example.com/nginx:1.27.1")
        #expect(web.namespace == "web")
    }

    @Test func mapsDestinationsToClustersAndSkipsOtherRepositories() throws {
        let application = { (name: String, destination: String, repo: String) in
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: \(name)
            spec:
              source:
                repoURL: \(repo)
                path: apps/web
              destination:
                \(destination)

            ---

            """
        }
        let files = [
            "apps/web/web.yaml": SampleManifests.web,
            "argocd/apps.yaml": application(
                "local", "server: https://kubernetes.default.svc", "git@github.com:acme/gitops.git")
                + application("eu", "server: https://10.0.0.1:6443", "https://github.com/acme/gitops")
                + application("us", "name: us-east", "https://github.com/acme/gitops.git/")
                + application("other", "name: us-east", "https://github.com/acme/other.git"),
        ]
        let options = InventoryOptions(
            clusters: ["https://10.0.0.1:6443": "prod-eu"],
            repositoryURLs: ["https://github.com/acme/gitops.git"])
        let inventory = try inventory(files, options: options)
        #expect(
            inventory.targets.map { "\($0.name) \($0.cluster ?? "-") \($0.workloads.count)" } == [
                "eu prod-eu 1", "local - 1", "other us-east 0", "us us-east 1",
            ])
        #expect(
            inventory.target(named: "other")?.problems.map(\.description) == [
                "argocd/apps.yaml:43:14: source from https://github.com/acme/other.git is another repository"
            ])
    }
}
