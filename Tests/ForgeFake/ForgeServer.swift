import Foundation
import Synchronization
import TestSupport

/// A forge on loopback HTTP that answers like GitHub (REST v3), GitLab (API v4) or Gitea /
/// Forgejo (API v1) do for pull requests: their endpoints, status codes, JSON fields, error
/// bodies, authentication headers and pagination, with state that persists across requests.
///
/// The repository is `acme/deploy` (GitLab: project 42, `acme/platform/deploy`). Tests seed pull
/// requests, inject faults (server errors, rate limits, any raw answer), shrink the page size
/// to force pagination, and read back every request the server received.
///
/// ```swift
/// let server = try await ForgeServer.start(.github, token: "ghp_test")
/// defer { … }   // call `try await server.stop()` when done
/// let client = try GitHubClient(owner: "acme", repository: "deploy", apiURL: server.apiURL, …)
/// ```
public final class ForgeServer: Sendable {
    /// Which API the server speaks.
    public enum Kind: Sendable, Equatable {
        case github, gitlab, gitea
    }

    /// The repository owner (GitHub, Gitea) and the namespace of the GitLab project.
    public static let owner = ForgeServerState.owner
    /// The repository name.
    public static let repository = ForgeServerState.repository
    /// The GitLab project's numeric id.
    public static let gitLabProjectID = ForgeServerState.gitLabProjectID
    /// The GitLab project's full path, in a subgroup.
    public static let gitLabProjectPath = ForgeServerState.gitLabProjectPath

    /// Which API the server speaks.
    public let kind: Kind
    private let http: LoopbackHTTPServer
    private let core: ForgeServerCore

    private init(kind: Kind, http: LoopbackHTTPServer, core: ForgeServerCore) {
        self.kind = kind
        self.http = http
        self.core = core
    }

    /// `http://127.0.0.1:PORT`.
    public var origin: String { http.origin }

    /// Starts a server on an ephemeral loopback port that accepts `token`.
    public static func start(_ kind: Kind, token: String) async throws -> ForgeServer {
        let core = ForgeServerCore(state: ForgeServerState(kind: kind, token: token))
        let http = try await LoopbackHTTPServer.start { request in
            let response = core.state.withLock {
                $0.handle(
                    ForgeServerRequest(
                        method: request.method, path: request.path, query: request.query,
                        headers: request.headers,
                        body: request.body))
            }
            return LoopbackHTTPServer.Response(
                status: response.status, headers: response.headers, body: response.body)
        }
        core.state.withLock { $0.origin = http.origin }
        return ForgeServer(kind: kind, http: http, core: core)
    }

    /// Stops listening.
    public func stop() async throws {
        try await http.stop()
    }

    /// The API base URL a client is configured with: GitHub Enterprise style
    /// (`…/api/v3`), GitLab `…/api/v4`, Gitea `…/api/v1`.
    public var apiURL: String {
        origin + core.state.withLock { $0.basePath }
    }

    /// Every request received so far, in order.
    public var requests: [ForgeServerRequest] {
        core.state.withLock { $0.requests }
    }

    /// Every pull request, in number order.
    public var pullRequests: [ForgeServerPullRequest] {
        core.state.withLock { $0.pullRequests }
    }

    /// The pull request numbered `number`.
    public func pullRequest(_ number: Int) -> ForgeServerPullRequest? {
        core.state.withLock { state in state.index(of: number).map { state.pullRequests[$0] } }
    }

    /// The repository's label names, in creation order (only Gitea keeps labels apart).
    public var labelNames: [String] {
        core.state.withLock { $0.labels.map(\.name) }
    }

    /// Caps every page at `size` items, whatever the client asks for, to force pagination.
    public func setMaximumPageSize(_ size: Int) {
        core.state.withLock { $0.maximumPageSize = size }
    }

    /// Adds a fault; see ``ForgeServerFault``.
    public func inject(_ fault: ForgeServerFault) {
        core.state.withLock { $0.faults.append(fault) }
    }

    /// Forgets the requests recorded so far.
    public func clearRequests() {
        core.state.withLock { $0.requests.removeAll() }
    }

    /// Adds a pull request as if someone had opened it; `fork` puts the head branch in a fork
    /// owned by that user.
    /// - Returns: its number.
    @discardableResult
    public func seedPullRequest(
        head: String, base: String = "main", title: String, body: String = "", labels: [String] = [],
        fork: String? = nil, state pullState: ForgeServerPullRequest.State = .open
    ) -> Int {
        core.state.withLock {
            $0.addPullRequest(
                head: head, headOwner: fork ?? Self.owner, base: base, title: title, body: body,
                labels: labels,
                state: pullState
            ).number
        }
    }

    /// Changes a pull request's state as the forge's own UI would: a reviewer merging or closing it.
    public func setState(_ pullState: ForgeServerPullRequest.State, of number: Int) {
        core.state.withLock { state in
            if let index = state.index(of: number) { state.pullRequests[index].state = pullState }
        }
    }

    /// Adds a repository label (Gitea refers to labels by id).
    /// - Returns: its id.
    @discardableResult
    public func seedLabel(_ name: String) -> Int {
        core.state.withLock { $0.labelID(named: name) }
    }
}

/// The state the channel handlers and the test share.
final class ForgeServerCore: Sendable {
    let state: Mutex<ForgeServerState>

    init(state: ForgeServerState) {
        self.state = Mutex(state)
    }
}
