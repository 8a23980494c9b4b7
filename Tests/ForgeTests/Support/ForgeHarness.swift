import ClientSupport
import Forge
import ForgeFake
import Foundation
import TestSupport
import Testing

/// Starts a loopback forge, builds a real client for it from a `ForgeConfiguration` with the
/// token in a file, runs the test, and shuts both down.
enum ForgeHarness {
    /// The token the server accepts; distinctive, so a leak is easy to find.
    static let token = "stw-test-7f3a9c41e2-SECRET"

    /// Short waits so tests run quickly; the rate-limit bound is small but above 1 s, so that
    /// `Retry-After: 1` is waited out and `Retry-After: 3600` is not.
    static let retry = RetryPolicy(
        maxAttempts: 3, initialDelay: .milliseconds(5), maxDelay: .milliseconds(20))
    static let maximumRateLimitWait: Duration = .seconds(3)

    static let kinds: [ForgeServer.Kind] = [.github, .gitlab, .gitea]

    static func forgeKind(_ kind: ForgeServer.Kind) -> ForgeKind {
        switch kind {
        case .github: .github
        case .gitlab: .gitlab
        case .gitea: .gitea
        }
    }

    /// The configuration of a client for `server`, its token read from a file in `directory`.
    static func configuration(
        for server: ForgeServer, in directory: TemporaryDirectory, token: String = token,
        gitLabProject: String = ForgeServer.gitLabProjectPath, retry: RetryPolicy = retry,
        requestTimeout: Duration = .seconds(20)
    ) throws -> ForgeConfiguration {
        // A trailing newline, as `kubectl create secret --from-file` keeps it.
        let tokenFile = try directory.write("token", token + "\n")
        let repository =
            server.kind == .gitlab ? gitLabProject : "\(ForgeServer.owner)/\(ForgeServer.repository)"
        return ForgeConfiguration(
            kind: forgeKind(server.kind), apiURL: server.apiURL, repository: repository,
            tokenFile: tokenFile.path,
            limits: ForgeLimits(
                retry: retry, maximumRateLimitWait: maximumRateLimitWait, requestTimeout: requestTimeout))
    }

    /// Runs `body` against a fresh server of `kind` and a client for it.
    static func run<Result>(
        _ kind: ForgeServer.Kind, token clientToken: String = token,
        gitLabProject: String = ForgeServer.gitLabProjectPath,
        retry: RetryPolicy = retry, logs: LogRecorder = LogRecorder(),
        _ body: (ForgeServer, any ForgeClient) async throws -> Result
    ) async throws -> Result {
        let server = try await ForgeServer.start(kind, token: token)
        let directory = try TemporaryDirectory("steward-forge")
        let client: any ForgeClient
        do {
            let configuration = try configuration(
                for: server, in: directory, token: clientToken, gitLabProject: gitLabProject, retry: retry)
            client = try configuration.makeClient(logger: logs.logger())
        } catch {
            try await server.stop()
            throw error
        }
        let result: Result
        do {
            result = try await body(server, client)
        } catch {
            try? await client.shutdown()
            try? await server.stop()
            throw error
        }
        try await client.shutdown()
        try await server.stop()
        return result
    }

    /// The error `forge` throws when asked for the open pull requests; the test fails when it
    /// throws none.
    static func listingError(
        _ forge: any ForgeClient, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ForgeError {
        try #require(
            await #expect(throws: ForgeError.self, sourceLocation: sourceLocation) {
                try await forge.openPullRequests(headPrefix: "steward/")
            },
            sourceLocation: sourceLocation)
    }
}
