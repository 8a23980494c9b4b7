import Logging

/// Everything needed to build a ``ForgeClient``: the forge, its API URL, the repository and
/// where the token is. The publisher fills it from `steward.yaml`.
///
/// ```swift
/// let configuration = ForgeConfiguration(
///     kind: .github, repository: "acme/deploy", tokenFile: "/var/run/secrets/steward/token")
/// let pullRequest = try await configuration.withClient(logger: logger) { forge in
///     try await forge.createPullRequest(draft)
/// }
/// ```
public struct ForgeConfiguration: Sendable, Equatable {
    /// Which forge.
    public var kind: ForgeKind
    /// The API base URL; `nil` means github.com (`https://api.github.com`) or gitlab.com
    /// (`https://gitlab.com/api/v4`). Gitea and Forgejo need one (`https://HOST/api/v1`), and
    /// GitHub Enterprise Server's is `https://HOST/api/v3`.
    public var apiURL: String?
    /// `owner/name` on GitHub and Gitea; the numeric id or `group/subgroup/project` on GitLab.
    /// Unused by the `none` forge.
    public var repository: String
    /// The file holding the token (a mounted Secret). Unused by the `none` forge.
    public var tokenFile: String?
    /// For the `none` forge: the directory to write pull requests into; `nil` prints them.
    public var outputDirectory: String?
    /// How the GitLab token is sent.
    public var gitLabTokenHeader: GitLabClient.TokenHeader
    /// Retries, rate-limit waits and request timeouts.
    public var limits: ForgeLimits

    /// Describes a forge.
    public init(
        kind: ForgeKind, apiURL: String? = nil, repository: String = "", tokenFile: String? = nil,
        outputDirectory: String? = nil, gitLabTokenHeader: GitLabClient.TokenHeader = .privateToken,
        limits: ForgeLimits = .standard
    ) {
        self.kind = kind
        self.apiURL = apiURL
        self.repository = repository
        self.tokenFile = tokenFile
        self.outputDirectory = outputDirectory
        self.gitLabTokenHeader = gitLabTokenHeader
        self.limits = limits
    }

    /// Builds the client; the token file is read now, so a missing Secret fails before any work.
    /// The caller must call ``ForgeClient/shutdown()`` on it when done.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` naming what is wrong.
    public func makeClient(logger: Logger) throws(ForgeError) -> any ForgeClient {
        switch kind {
        case .none:
            return NoForge(output: outputDirectory.map(NoForge.Output.directory) ?? .standardOutput)
        case .github:
            let (owner, name) = try RepositoryName.split(repository, forge: .github)
            return try GitHubClient(
                owner: owner, repository: name, apiURL: apiURL ?? GitHubClient.publicAPI, token: try token(),
                limits: limits, logger: logger)
        case .gitlab:
            return try GitLabClient(
                project: try GitLabProject(parsing: repository), apiURL: apiURL ?? GitLabClient.publicAPI,
                token: try token(), tokenHeader: gitLabTokenHeader, limits: limits, logger: logger)
        case .gitea:
            let (owner, name) = try RepositoryName.split(repository, forge: .gitea)
            guard let apiURL else {
                throw ForgeError(
                    code: .invalidConfiguration, forge: .gitea,
                    message: "Gitea and Forgejo need an API URL, like https://gitea.example.com/api/v1")
            }
            return try GiteaClient(
                owner: owner, repository: name, apiURL: apiURL, token: try token(), limits: limits,
                logger: logger)
        }
    }

    /// Builds the client, runs `body` with it, and shuts it down whatever `body` does.
    /// - Throws: the ``ForgeError`` of building or shutting down the client, or what `body` throws.
    public func withClient<Result: Sendable>(
        logger: Logger, _ body: (any ForgeClient) async throws -> Result
    ) async throws -> Result {
        let client = try makeClient(logger: logger)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    private func token() throws(ForgeError) -> ForgeToken {
        guard let tokenFile, !tokenFile.isEmpty else {
            throw ForgeError(
                code: .invalidConfiguration, forge: kind,
                message: "no token file is configured; \(kind.displayName) needs one")
        }
        return try ForgeToken(contentsOfFile: tokenFile, forge: kind)
    }
}
