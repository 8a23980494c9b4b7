import Foundation
import TestSupport

/// A GitOps repository in a real Git working tree whose history has a commit that broke the
/// workload, and usage profiles in which the breakage began right after its rollout: what
/// `steward plan` blames regressions on.
struct RegressionPlanFixture {
    static let hour = 3600.0
    /// The first commit of the fixture repository (GitFixture's first commit time).
    static let firstCommit = 1_700_000_000.0
    /// The commit that breaks the workload, three days later.
    static let breakingCommit = firstCommit + 3 * 86_400
    static let windowStart = breakingCommit - 4 * 86_400
    static let windowEnd = breakingCommit + 2 * 86_400

    static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/web:2.14.1
                  resources:
                    requests: {cpu: 190m, memory: 356Mi}
                    limits: {memory: 356Mi}

        """

    static let exposure = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          tls:
            - hosts: [shop.example.com]
              secretName: shop-tls
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: web, port: {number: 80}}

        """

    static let certificate = """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: shop-tls
          namespace: shop
        spec:
          secretName: shop-tls
          dnsNames: [shop.example.com]
          issuerRef: {name: letsencrypt, kind: ClusterIssuer}

        """

    static let policy = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: shop}
        spec:
          rules:
            - name: shop
              match: {namespaces: [shop]}
              actions: [rightsize, oom, revert]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                - path: spec.template.spec.containers[*].resources.requests.memory
                - path: spec.template.spec.containers[*].resources.limits.memory

        """

    let git: GitFixture
    let repo: String
    let directory: TemporaryDirectory
    /// The id of the commit that breaks the workload.
    let culprit: String

    /// A repository whose second commit changes `change` (path → new text) at `breakingCommit`.
    init(change: [String: String], message: String) throws {
        git = try GitFixture()
        let made = try Self.repository(
            git,
            files: [
                "apps/shop/web.yaml": Self.web, "apps/shop/exposure.yaml": Self.exposure,
                "apps/shop/certificate.yaml": Self.certificate, "policies/steward.yaml": Self.policy,
            ],
            adding: "Add the shop", change: change, message: message, at: Self.breakingCommit)
        repo = made.path
        culprit = made.commit
        directory = try TemporaryDirectory("steward-regression")
    }

    /// A `gitops` repository in `git` whose first commit (`adding`) holds `files` and whose second
    /// is `commit(change:message:at:in:git:)`. Returns the repository and that second commit's id.
    static func repository(
        _ git: GitFixture, files: [String: String], adding: String, change: [String: String],
        message: String, at time: Double
    ) throws -> (path: String, commit: String) {
        let repo = try git.makeRepository("gitops")
        try git.commit(in: repo, files: files, message: adding)
        return (repo, try commit(change: change, message: message, at: time, in: repo, git: git))
    }

    /// Writes `change` (path → new text) into the working tree `repo` and commits it at `time`
    /// with `message`: the commit a regression test blames. Returns its id.
    @discardableResult
    static func commit(
        change: [String: String], message: String, at time: Double, in repo: String, git: GitFixture
    ) throws -> String {
        for (path, text) in change {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(repo)/\(path)"))
        }
        let environment = git.environment(time: Int(time))
        try ExternalTool.git.run(["-C", repo, "add", "--all"], environment: environment)
        try ExternalTool.git.run(["-C", repo, "commit", "--quiet", "-m", message], environment: environment)
        return try ExternalTool.git.run(["-C", repo, "rev-parse", "HEAD"], environment: environment)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes the profiles file and runs `steward plan` on the working tree.
    func plan(profile: String, probes: String = "[]", arguments: [String] = []) throws -> ExternalToolOutput {
        try directory.write(
            "profiles.json",
            """
            {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles",
             "window": {"start": \(Self.windowStart), "end": \(Self.windowEnd)},
             "profiles": [\(profile)], "probes": \(probes)}
            """)
        return try PackagePaths.steward().result(
            ["plan", "--repo", repo, "--profiles", directory.path("profiles.json").path] + arguments)
    }

    /// The web container's profile: right-sized already (0.15 cores, 300–309 MiB over the
    /// window), with the restart series and the rollouts given.
    static func profile(restarts: (Double) -> Int, rollouts: [(String, Double)]) -> String {
        let hours = Int((windowEnd - windowStart) / hour)
        let memory = (1...hours).map {
            "[\(windowStart + Double($0) * hour), \((300 + $0 % 10) * 1_048_576)]"
        }
        let restartValues = (1...hours).map {
            "[\(windowStart + Double($0) * hour), \(restarts(windowStart + Double($0) * hour))]"
        }
        let rolloutList = rollouts.map { "{\"replicaSet\": \"\($0.0)\", \"created\": \($0.1)}" }
        return """
            {"cluster": "prod", "namespace": "shop", "workload": {"kind": "Deployment", "name": "web"},
             "container": "app",
             "cpu": {"p50": 0.15, "p90": 0.162, "p95": 0.1635, "p99": 0.165, "max": 0.165, "samples": 1728},
             "memory": {"p50": 314572800, "p95": 323010560, "max": 324009984, "samples": 1728},
             "coverage": {"seconds": \(Double(hours) * hour), "ratio": 1, "first": \(windowStart + 300), "last": \(windowEnd)},
             "oomKills": 0, "restarts": 0,
             "memorySeries": {"step": "1h", "values": [\(memory.joined(separator: ", "))]},
             "restartSeries": {"step": "1h", "values": [\(restartValues.joined(separator: ", "))]},
             "rollouts": [\(rolloutList.joined(separator: ", "))]}
            """
    }
}
