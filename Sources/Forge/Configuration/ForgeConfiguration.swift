import ClientSupport
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
    /// How often a request is retried after a server error, a connection failure or a rate
    /// limit, and the backoff in between.
    public var retry: RetryPolicy
    /// The longest Steward waits for a rate limit to reset (`Retry-After`, `X-RateLimit-Reset`);
    /// a longer announced wait fails at once with a ``ForgeError/Code/rateLimited`` error.
    public var maximumRateLimitWait: Duration
    /// The time one request may take, connection and body included.
    public var requestTimeout: Duration

    /// Two minutes: an hourly run can wait out GitHub's secondary limits, not a primary one.
    public static let standardRateLimitWait: Duration = .seconds(120)
    /// Thirty seconds per request.
    public static let standardRequestTimeout: Duration = .seconds(30)

    /// Describes a forge.
    public init(
        kind: ForgeKind, apiURL: String? = nil, repository: String = "", tokenFile: String? = nil,
        outputDirectory: String? = nil, gitLabTokenHeader: GitLabClient.TokenHeader = .privateToken,
        retry: RetryPolicy = .forge, maximumRateLimitWait: Duration = standardRateLimitWait,
        requestTimeout: Duration = standardRequestTimeout
    ) {
        self.kind = kind
        self.apiURL = apiURL
        self.repository = repository
        self.tokenFile = tokenFile
        self.outputDirectory = outputDirectory
        self.gitLabTokenHeader = gitLabTokenHeader
        self.retry = retry
        self.maximumRateLimitWait = maximumRateLimitWait
        self.requestTimeout = requestTimeout
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
                retry: retry, maximumRateLimitWait: maximumRateLimitWait, requestTimeout: requestTimeout,
                logger: logger)
        case .gitlab:
            return try GitLabClient(
                project: try GitLabProject(parsing: repository), apiURL: apiURL ?? GitLabClient.publicAPI,
                token: try token(), tokenHeader: gitLabTokenHeader, retry: retry,
                maximumRateLimitWait: maximumRateLimitWait, requestTimeout: requestTimeout, logger: logger)
        case .gitea:
            let (owner, name) = try RepositoryName.split(repository, forge: .gitea)
            guard let apiURL else {
                throw ForgeError(
                    code: .invalidConfiguration, forge: .gitea,
                    message: "Gitea and Forgejo need an API URL, like https://gitea.example.com/api/v1")
            }
            return try GiteaClient(
                owner: owner, repository: name, apiURL: apiURL, token: try token(), retry: retry,
                maximumRateLimitWait: maximumRateLimitWait, requestTimeout: requestTimeout,
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
