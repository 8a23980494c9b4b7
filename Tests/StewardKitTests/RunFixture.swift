import Forge
import ForgeFake
import Foundation
import GitStore
import Profiles
import StewardKit
import StewardPlanner
import TestSupport

/// A GitOps repository served by the real `git http-backend` over loopback HTTP with Basic auth,
/// a loopback GitHub that keeps pull requests, a bot signing key made by `ssh-keygen`, a
/// profiles file, and the run configuration that ties them together.
///
/// The repository holds two namespaces (`shop`: web and cart; `payments`: api), a policy that
/// lets the bot right-size them, and the bot's key in `policies/allowed_signers`. A person's
/// checkout in `work/` pushes to the same bare repository as anyone else would.
final class RunFixture {
    static let gitToken = "git-token-5f2a"
    static let forgeToken = "ghp_fixture_token"
    /// An hour after the profiles' window ends.
    static let now = Date(timeIntervalSince1970: 1_795_741_200)
    static let window = Window(start: 1_795_132_800, end: 1_795_737_600)

    static let policy = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: fixture}
        spec:
          limits:
            maxOpenPullRequests: 5
          rules:
            - name: apps
              match: {namespaces: [shop, payments]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                  min: 10m
                  maxDecreasePercent: 70
                - path: spec.template.spec.containers[*].resources.requests.memory
                  min: 64Mi
                  maxDecreasePercent: 70
                - path: spec.template.spec.containers[*].resources.limits.memory
                  min: 64Mi
                  maxDecreasePercent: 70

        """

    static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/web:1.0
                  resources:
                    requests:
                      cpu: 500m      # sized for Black Friday
                      memory: "1Gi"
                    limits:
                      memory: "1Gi"

        """

    static let cart = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart, namespace: shop}
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/cart:3.1
                  resources:
                    requests: {cpu: 300m, memory: 512Mi}

        """

    static let api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: payments
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: example/api:7
                  resources:
                    requests:
                      cpu: 200m
                      memory: 256Mi
                    limits:
                      memory: 512Mi

        """

    let git: GitFixture
    /// A person's checkout, cloned from the bare repository.
    let work: String
    /// The bare repository the HTTP server serves.
    let bare: String
    let server: GitHTTPServer
    let forge: ForgeServer
    let key: SSHTestKey
    let profilesPath: String
    var profiles: UsageProfiles
    var configuration: StewardConfiguration

    /// The fixture's own repository with `policy`.
    convenience init(policy: String = RunFixture.policy) async throws {
        try await self.init(
            files: [
                "policies/steward.yaml": policy, "apps/shop/web.yaml": Self.web,
                "apps/shop/cart.yaml": Self.cart,
                "apps/payments/api.yaml": Self.api, "README.md": "# deploy\n",
            ],
            profiles: UsageProfiles(window: Self.window, profiles: Self.profiles(webMemoryMax: 350_119_526)))
    }

    /// A repository of `files` (the bot's key is added as `policies/allowed_signers`) observed
    /// with `profiles`.
    init(files: [String: String], profiles: UsageProfiles) async throws {
        git = try GitFixture()
        key = try SSHTestKey(in: git.path("keys"), principal: "steward@example.com")
        work = try git.makeRepository("work")
        var files = files
        files["policies/allowed_signers"] = try String(
            contentsOfFile: key.allowedSignersPath, encoding: .utf8)
        try git.commit(in: work, files: files, message: "Add the apps")
        bare = git.path("remotes/deploy.git")
        try git.git(["clone", "--quiet", "--bare", work, bare])
        try git.git(["remote", "add", "hub", bare], in: work)
        server = try GitHTTPServer.start(
            root: git.path("remotes"), user: "x-access-token", password: Self.gitToken)
        forge = try await ForgeServer.start(.github, token: Self.forgeToken)
        let gitToken = try git.write(Self.gitToken + "\n", to: "secrets/git-token", permissions: 0o600)
        let forgeToken = try git.write(Self.forgeToken + "\n", to: "secrets/forge-token", permissions: 0o600)
        profilesPath = git.path("profiles.json")
        self.profiles = profiles
        configuration = StewardConfiguration(
            repository: RepositorySettings(
                url: server.url(for: "deploy.git"), tokenFile: gitToken, cacheDirectory: git.path("cache.git")
            ),
            cluster: "prod", observe: .profiles(path: profilesPath),
            signing: SigningSettings(keyFile: key.privateKeyPath, email: "steward@example.com"),
            forge: ForgeConfiguration(
                kind: .github, apiURL: forge.apiURL, repository: "acme/deploy", tokenFile: forgeToken,
                limits: ForgeLimits(retry: .init(maxAttempts: 1))))
        try writeProfiles()
    }

    /// Runs `body` with a fresh fixture and stops its servers afterwards, whatever `body` does.
    static func with(
        policy: String = RunFixture.policy, _ body: (RunFixture) async throws -> Void
    ) async throws {
        try await run(try await RunFixture(policy: policy), body)
    }

    /// The same with a repository of `files` observed with `profiles`.
    static func with(
        files: [String: String], profiles: UsageProfiles, _ body: (RunFixture) async throws -> Void
    ) async throws {
        try await run(try await RunFixture(files: files, profiles: profiles), body)
    }

    private static func run(_ fixture: RunFixture, _ body: (RunFixture) async throws -> Void) async throws {
        do {
            try await body(fixture)
        } catch {
            fixture.server.stop()
            try await fixture.forge.stop()
            throw error
        }
        fixture.server.stop()
        try await fixture.forge.stop()
    }

    /// Usage of the three containers; `webMemoryMax` drives the web container's memory proposal.
    static func profiles(webMemoryMax: Double) -> [UsageProfile] {
        let series = Series(
            step: "1h",
            values: (0..<168).map { (hour: Int) -> [Double] in
                let time: Double = window.start + Double(hour) * 3_600
                let share: Double = 0.8 + 0.2 * Double(hour % 24) / 23
                return [time, webMemoryMax * share]
            })
        return [
            UsageProfile(
                cluster: "prod", namespace: "shop", workload: WorkloadKey(kind: "Deployment", name: "web"),
                container: "app",
                cpu: CPUUsage(p50: 0.082, p90: 0.131, p95: 0.156, p99: 0.201, max: 0.344, samples: 6048),
                memory: MemoryUsage(p50: 305_135_616, p95: 337_641_472, max: webMemoryMax, samples: 6048),
                limits: ResourceAmounts(memory: 1_073_741_824), oomKills: 0, restarts: 0, throttlingRatio: 0,
                memorySeries: series),
            UsageProfile(
                cluster: "prod", namespace: "shop", workload: WorkloadKey(kind: "Deployment", name: "cart"),
                container: "app",
                cpu: CPUUsage(p50: 0.05, p90: 0.08, p95: 0.1, p99: 0.12, max: 0.2, samples: 6048),
                memory: MemoryUsage(p50: 200_000_000, p95: 240_000_000, max: 260_000_000, samples: 6048),
                oomKills: 0, restarts: 0, throttlingRatio: 0.01),
            UsageProfile(
                cluster: "prod", namespace: "payments",
                workload: WorkloadKey(kind: "Deployment", name: "api"),
                container: "api",
                cpu: CPUUsage(p50: 0.1, p90: 0.14, p95: 0.15, p99: 0.2, max: 0.3, samples: 4032),
                memory: MemoryUsage(p50: 150_000_000, p95: 170_000_000, max: 180_000_000, samples: 4032),
                limits: ResourceAmounts(memory: 536_870_912), oomKills: 0, restarts: 0, throttlingRatio: 0),
        ]
    }

    func writeProfiles() throws {
        try profiles.encoded().write(to: URL(fileURLWithPath: profilesPath))
    }

    /// Runs Steward to the end.
    func run(dryRun: Bool = false) async throws -> RunReport {
        try await Runner(RunRequest(configuration: configuration, dryRun: dryRun, now: Self.now)).run()
    }

    /// The commit a branch of the served repository is at, nil when it does not exist.
    func remote(_ branch: String) throws -> String? {
        try git.revision("refs/heads/\(branch)", in: bare)
    }

    /// The bot commits of `branch` over `main`, oldest first.
    func commits(on branch: String) throws -> [String] {
        try git.git(["rev-list", "--reverse", "main..\(branch)"], in: bare).split(separator: "\n").map(
            String.init)
    }

    /// Someone commits `files` on top of `branch` (fetched from the remote) and pushes it.
    @discardableResult
    func humanPush(to branch: String, files: [String: String], message: String) throws -> String {
        try git.git(["fetch", "--quiet", "hub", "+refs/heads/*:refs/remotes/hub/*"], in: work)
        try git.git(["checkout", "--quiet", "-B", branch, "hub/\(branch)"], in: work)
        let commit = try git.commit(in: work, files: files, message: message)
        try git.git(["push", "--quiet", "--force", "hub", "\(branch):\(branch)"], in: work)
        try git.git(["checkout", "--quiet", "main"], in: work)
        return commit
    }

    /// The receive-pack requests (pushes) the Git server has seen.
    var pushes: Int {
        server.statistics.requestLines.filter { $0.hasPrefix("POST") && $0.hasSuffix("git-receive-pack") }
            .count
    }

    /// Requests to the forge that change something.
    var forgeWrites: [String] {
        forge.requests.filter { $0.method != "GET" }.map(\.line)
    }
}

extension RunFixture {
    /// The plan of the fixture's repository as `steward plan` makes it from a folder, with profiles
    /// that say they came from Prometheus.
    static func plan(in directory: TemporaryDirectory) throws -> (Plan, UsageProfiles) {
        try directory.write("repo/policies/steward.yaml", policy)
        try directory.write("repo/apps/shop/web.yaml", web)
        try directory.write("repo/apps/shop/cart.yaml", cart)
        try directory.write("repo/apps/payments/api.yaml", api)
        var profiles = UsageProfiles(window: window, profiles: profiles(webMemoryMax: 350_119_526))
        profiles.source = ProfileSource(
            collector: "steward 0.1.0", prometheus: "http://prometheus.monitoring:9090", step: "5m",
            queries: [
                "max by (namespace, pod, container) (container_memory_working_set_bytes{container!=\"\"})"
            ])
        let file = directory.path("profiles.json").path
        try profiles.encoded().write(to: URL(fileURLWithPath: file))
        let plan = try Planner().plan(
            PlanRequest(repository: directory.path("repo").path, profiles: file, cluster: "prod", now: now))
        return (plan, profiles)
    }
}
