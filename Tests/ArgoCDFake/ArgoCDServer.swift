import Foundation
import Synchronization
import TestSupport

/// An Argo CD API server on loopback HTTP, answering as the API server of Argo CD v2.13 to v3.1
/// does through its gRPC gateway (`/api/v1`, `ApplicationService`):
/// `GET /api/v1/applications/{name}` (a missing Application is 404 only when the request names
/// a `project`, else 403) and `POST /api/v1/applications/{name}/rollback`, with `appNamespace`,
/// bearer tokens, RBAC refusals, and the gateway's error bodies
/// (`{"error": …, "code": …, "message": …}`) with their HTTP statuses: `InvalidArgument` (3) and
/// `FailedPrecondition` (9) as 400, `NotFound` (5) as 404, `PermissionDenied` (7) as 403,
/// `Unauthenticated` (16) as 401, `Unavailable` (14) as 503.
///
/// A rollback sets an operation, as Argo CD's `SetAppOperation` does: the top-level `operation`
/// is present and `operationState` is `Running` until it ends, and another rollback is refused
/// meanwhile. A dry run ends `Succeeded` after one read and changes nothing else; a real one
/// ends `Succeeded` (a history entry is added for the revision rolled back to, the Application
/// is `OutOfSync` and takes the configured health) or `Failed`, as
/// ``ArgoCDFakeApplication/rollback`` says.
///
/// ```swift
/// let argo = try await ArgoCDServer.start(token: "argo-token")
/// argo.seed(ArgoCDFakeApplication(name: "shop", history: [...]))
/// // … ArgoCDClient(configuration: ArgoCDConfiguration(server: argo.origin, token: "argo-token"))
/// try await argo.stop()
/// ```
public final class ArgoCDServer: Sendable {
    private let http: LoopbackHTTPServer
    private let box: ArgoCDFakeStateBox

    private init(http: LoopbackHTTPServer, box: ArgoCDFakeStateBox) {
        self.http = http
        self.box = box
    }

    /// Starts a server on an ephemeral loopback port that accepts `token`.
    public static func start(token: String) async throws -> ArgoCDServer {
        let box = ArgoCDFakeStateBox(ArgoCDFakeState(token: token))
        let http = try await LoopbackHTTPServer.start { request in
            let response = box.state.withLock { $0.handle(request) }
            let bytes =
                (try? JSONSerialization.data(withJSONObject: response.json, options: [.sortedKeys]))
                ?? Data("{}".utf8)
            return LoopbackHTTPServer.Response(
                status: response.status, headers: [("Content-Type", "application/json")], body: Array(bytes))
        }
        return ArgoCDServer(http: http, box: box)
    }

    /// Stops listening.
    public func stop() async throws {
        try await http.stop()
    }

    /// `http://127.0.0.1:PORT`.
    public var origin: String { http.origin }

    /// The port on 127.0.0.1, for a TLS tunnel in front.
    public var port: Int { http.port }

    /// Adds or replaces an Application.
    public func seed(_ application: ArgoCDFakeApplication) {
        box.state.withLock { $0.applications[application.key] = application }
    }

    /// The Application as the server holds it now.
    public func application(_ name: String, namespace: String = "argocd") -> ArgoCDFakeApplication? {
        box.state.withLock { $0.applications["\(namespace)/\(name)"] }
    }

    /// Changes an Application in place, as a user of the UI would (turning auto-sync on, say).
    public func update(
        _ name: String, namespace: String = "argocd", _ change: (inout ArgoCDFakeApplication) -> Void
    ) {
        box.state.withLock { state in
            guard var application = state.applications["\(namespace)/\(name)"] else { return }
            change(&application)
            state.applications[application.key] = application
        }
    }

    /// Lets the token do only `actions` (`get`, `sync`) on the Application `name`; the others are
    /// refused with 403. Without a call, every action is allowed.
    public func grant(_ actions: Set<String>, on name: String) {
        box.state.withLock { $0.grants[name] = actions }
    }

    /// The next `count` requests are answered 503 `Unavailable`, as when the API server restarts.
    public func failNext(_ count: Int) {
        box.state.withLock { $0.unavailable += count }
    }

    /// From now on the 401 and 403 answers quote the `Authorization` header they got, as a badly
    /// configured proxy in front of Argo CD may: what the client must never pass on.
    public func echoAuthorization() {
        box.state.withLock { $0.echoAuthorization = true }
    }

    /// When a failing rollback call fails.
    public enum RollbackFailure: Sendable, Equatable {
        /// Before Argo CD saw it: nothing happens.
        case beforeActing
        /// After Argo CD set the operation: the rollback runs, the answer is lost.
        case afterActing
    }

    /// The next rollback that is not a dry run is answered 503.
    public func failNextRollback(_ failure: RollbackFailure) {
        box.state.withLock { $0.failNextRollback = failure }
    }

    /// Every request received, in order: `METHOD path?query` with the body.
    public var requests: [ArgoCDFakeRequest] { box.state.withLock { $0.requests } }

    /// The requests that could change something: non-dry-run rollbacks.
    public var mutatingRequests: [ArgoCDFakeRequest] {
        requests.filter { $0.method == "POST" && !$0.body.contains("\"dryRun\":true") }
    }
}

/// The state shared by the server's event loops and the test.
final class ArgoCDFakeStateBox: Sendable {
    let state: Mutex<ArgoCDFakeState>

    init(_ state: ArgoCDFakeState) {
        self.state = Mutex(state)
    }
}
