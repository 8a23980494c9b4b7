import Foundation
import TestSupport

/// A small repository and profiles file for the `steward plan` tests.
struct PlanFixture {
    let directory: TemporaryDirectory
    var repo: URL { directory.path("repo") }
    var profiles: URL { directory.path("profiles.json") }

    static let manifest = """
        # The API tier.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/api:1.0
                  resources:
                    requests:
                      cpu: "500m"   # generous
                      memory: 1Gi
                    limits:
                      memory: 1Gi
                - name: sidecar
                  image: example/proxy:2.0

        """

    /// The manifest after `plan`'s diff is applied: only the value lines change, and the sidecar
    /// gets a resources block at its siblings' indentation.
    static let planned = """
        # The API tier.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/api:1.0
                  resources:
                    requests:
                      cpu: "180m"   # generous
                      memory: 384Mi
                    limits:
                      memory: 384Mi
                - name: sidecar
                  image: example/proxy:2.0
                  resources:
                    requests:
                      cpu: 10m
                      memory: 64Mi
                    limits:
                      memory: 64Mi

        """

    /// A policy that lets the bot set CPU and memory requests and memory limits in `shop`.
    static let policy = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: fixture}
        spec:
          rules:
            - name: shop
              match: {namespaces: [shop]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                - path: spec.template.spec.containers[*].resources.requests.memory
                - path: spec.template.spec.containers[*].resources.limits.memory

        """

    static let profilesJSON = """
        {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles",
         "window": {"start": 1795132800, "end": 1795737600},
         "profiles": [
          {"cluster": "prod", "namespace": "shop", "workload": {"kind": "Deployment", "name": "api"},
           "container": "app",
           "cpu": {"p50": 0.1, "p90": 0.14, "p95": 0.156, "p99": 0.2, "max": 0.3, "samples": 2016},
           "memory": {"p50": 300000000, "p95": 340000000, "max": 350119526, "samples": 2016}},
          {"cluster": "prod", "namespace": "shop", "workload": {"kind": "Deployment", "name": "api"},
           "container": "sidecar",
           "cpu": {"p50": 0.001, "p90": 0.002, "p95": 0.003, "p99": 0.004, "max": 0.01, "samples": 2016},
           "memory": {"p50": 10000000, "p95": 12000000, "max": 15000000, "samples": 2016}}
         ]}
        """

    /// - Parameter policy: the text of `repo/policies/steward.yaml`; nil for a repository without one.
    init(
        manifest: String = PlanFixture.manifest, profiles: String = PlanFixture.profilesJSON,
        policy: String? = PlanFixture.policy
    ) throws {
        directory = try TemporaryDirectory("steward-plan")
        try directory.write("repo/apps/api.yaml", manifest)
        try directory.write("profiles.json", profiles)
        if let policy {
            try directory.write("repo/policies/steward.yaml", policy)
        }
    }

    /// Runs `steward` with `arguments` in the fixture's directory.
    func steward(_ arguments: [String]) throws -> ExternalToolOutput {
        try PackagePaths.steward().result(arguments, in: directory.url.path)
    }

    /// Every file under the repository with its bytes, to prove that nothing was written.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: repo.path)
        while let path = enumerator?.nextObject() as? String {
            let url = repo.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
