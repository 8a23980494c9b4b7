import Forge
import ForgeFake
import Foundation
import GitStore
import PlanFixtures
import Profiles
import StewardKit
import StewardPlanner
import TestSupport

/// A GitOps repository served by the real `git http-backend` over loopback HTTP with Basic auth,
/// a loopback GitHub that keeps pull requests, a bot signing key made by `ssh-keygen`, a
/// profiles file, and the run configuration that ties them together.
///
/// The repository is ``ShopRepository``, with the bot's key in `policies/allowed_signers`. A
/// person's checkout in `work/` pushes to the same bare repository as anyone else would.
final class RunFixture {
    static let gitToken = "git-token-5f2a"
    static let forgeToken = "ghp_fixture_token"

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
    convenience init(policy: String = ShopRepository.policy) async throws {
        try await self.init(
            files: [
                "policies/steward.yaml": policy, "apps/shop/web.yaml": ShopRepository.web,
                "apps/shop/cart.yaml": ShopRepository.cart,
                "apps/payments/api.yaml": ShopRepository.api, "README.md": "# deploy\n",
            ],
            profiles: UsageProfiles(
                window: ShopRepository.window, profiles: ShopRepository.profiles(webMemoryMax: 350_119_526)))
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
        policy: String = ShopRepository.policy, _ body: (RunFixture) async throws -> Void
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

    func writeProfiles() throws {
        try profiles.encoded().write(to: URL(fileURLWithPath: profilesPath))
    }

    /// Runs Steward to the end.
    func run(dryRun: Bool = false) async throws -> RunReport {
        try await Runner(RunRequest(configuration: configuration, dryRun: dryRun, now: ShopRepository.now))
            .run()
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
