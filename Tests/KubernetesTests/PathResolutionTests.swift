import Kubernetes
import TestSupport
import Testing

/// Paths the inventory resolves itself: the folders an ApplicationSet's git generator selects
/// and the parameters it gives each, and the relative paths kustomizations name.
@Suite struct PathResolutionTests {
    static let folders = [
        "apps/web/overlays/dev", "apps/web/overlays/prod", "apps/api/overlays/Prod_EU",
        "apps/api/overlays/skip", "apps/api/extra/deep/overlays/x", "apps/api/extra/overlays",
    ]

    func inventory(_ files: [String: String]) throws -> Inventory {
        try Inventory(tree: InMemoryFileTree(files.mapValues { Array($0.utf8) }))
    }

    func applicationSet(goTemplate: Bool, directories: String, name: String, namespace: String) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: apps
        spec:
          goTemplate: \(goTemplate)
          generators:
            - git:
                repoURL: https://git.example.com/gitops.git
                revision: main
                directories:
        \(directories)
          template:
            metadata:
              name: '\(name)'
            spec:
              source:
                repoURL: https://git.example.com/gitops.git
                path: '\(goTemplate ? "{{ .path.path }}" : "{{path}}")'
              destination:
                namespace: '\(namespace)'

        """
    }

    func targets(_ inventory: Inventory) -> [String] {
        inventory.targets.map { target in
            "\(target.name) \(target.namespace ?? "-") \(target.paths.joined(separator: ",")): "
                + target.workloads.map { "\($0.namespace ?? "-")/\($0.name)" }.joined(separator: ",")
        }
    }

    /// fasttemplate parameters (`path`, `path[N]`, `path.basename`, `path.basenameNormalized`),
    /// `*` and `?` within a folder name, `**` across folders, and an exclusion.
    @Test func expandsGitDirectoriesWithFasttemplateParameters() throws {
        var files = Dictionary(
            uniqueKeysWithValues: Self.folders.map { ("\($0)/web.yaml", SampleManifests.web) })
        files["argocd/apps.yaml"] = applicationSet(
            goTemplate: false,
            directories: """
                          - path: apps/*/overlays/*
                          - path: apps/*/overlays/skip
                            exclude: true
                          - path: apps/a?i/**/x
                """,
            name: "{{path[1]}}-{{path.basenameNormalized}}", namespace: "{{path[1]}}-{{ path.basename }}")
        let inventory = try inventory(files)
        #expect(
            targets(inventory) == [
                "api-prod-eu api-Prod_EU apps/api/overlays/Prod_EU: api-Prod_EU/web",
                "api-x api-x apps/api/extra/deep/overlays/x: api-x/web",
                "web-dev web-dev apps/web/overlays/dev: web-dev/web",
                "web-prod web-prod apps/web/overlays/prod: web-prod/web",
            ])
        #expect(inventory.problems.isEmpty)
    }

    /// Go template parameters (`.path.path`, `index .path.segments N`, `.path.basename`,
    /// `.path.basenameNormalized`), and a segment past the last folder reported with its line.
    @Test func expandsGitDirectoriesWithGoTemplateParameters() throws {
        var files = Dictionary(
            uniqueKeysWithValues: Self.folders.map { ("\($0)/web.yaml", SampleManifests.web) })
        files["argocd/apps.yaml"] = applicationSet(
            goTemplate: true,
            directories: """
                          - path: apps/*/overlays/*
                """,
            name: "{{ index .path.segments 1 }}-{{ .path.basename }}",
            namespace: "{{- .path.basenameNormalized -}}")
        let inventory = try inventory(files)
        #expect(
            targets(inventory) == [
                "api-Prod_EU prod-eu apps/api/overlays/Prod_EU: prod-eu/web",
                "api-skip skip apps/api/overlays/skip: skip/web",
                "web-dev dev apps/web/overlays/dev: dev/web",
                "web-prod prod apps/web/overlays/prod: prod/web",
            ])
        #expect(inventory.problems.isEmpty)

        files["argocd/apps.yaml"] = applicationSet(
            goTemplate: true,
            directories: """
                          - path: apps/web/overlays/dev
                """,
            name: "{{ index .path.segments 4 }}", namespace: "web")
        let missing = try self.inventory(files)
        #expect(missing.targets.isEmpty)
        #expect(
            missing.problems.map(\.description) == [
                "argocd/apps.yaml:15:13: ApplicationSet apps: cannot fill the template parameters of "
                    + "'{{ index .path.segments 4 }}'"
            ])
    }

    /// A base named as `../../base`, with `./`, a doubled `/` or a trailing `/`, is the same
    /// folder; one that climbs above the repository's root is reported where it is named.
    @Test func resolvesRelativeResourcePaths() throws {
        let overlays = [
            "a": "../../base", "b": "./../../base/", "c": "..//../base", "d": "../../../../../base",
            "e": "../../overlays/../base",
        ]
        var files = [
            "apps/web/base/kustomization.yaml": "resources: [./web.yaml]\n",
            "apps/web/base/web.yaml": SampleManifests.web,
        ]
        for (name, base) in overlays {
            files["apps/web/overlays/\(name)/kustomization.yaml"] =
                "namePrefix: \(name)-\nresources: [\(base)]\n"
        }
        let inventory = try inventory(files)
        #expect(
            targets(inventory) == [
                "apps/web/overlays/a - apps/web/overlays/a: -/a-web",
                "apps/web/overlays/b - apps/web/overlays/b: -/b-web",
                "apps/web/overlays/c - apps/web/overlays/c: -/c-web",
                "apps/web/overlays/d - apps/web/overlays/d: ",
                "apps/web/overlays/e - apps/web/overlays/e: -/e-web",
            ])
        #expect(
            inventory.target(named: "apps/web/overlays/d")?.problems.map(\.description) == [
                "apps/web/overlays/d/kustomization.yaml:2:13: '../../../../../base' is outside the repository"
            ])
    }
}
