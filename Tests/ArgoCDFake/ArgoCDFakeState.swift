import Foundation
import TestSupport

/// What the fake knows and how it answers one request.
struct ArgoCDFakeState: Sendable {
    let token: String
    var applications: [String: ArgoCDFakeApplication] = [:]
    /// Per Application name, the actions the token may do; absent: all.
    var grants: [String: Set<String>] = [:]
    var unavailable = 0
    /// How the next rollback that is not a dry run fails with 503, if it does.
    var failNextRollback: ArgoCDServer.RollbackFailure?
    /// Whether 401 and 403 messages quote the request's `Authorization` header.
    var echoAuthorization = false
    var requests: [ArgoCDFakeRequest] = []

    init(token: String) {
        self.token = token
    }

    struct Response {
        var status: Int
        var json: Any
    }

    mutating func handle(_ request: LoopbackHTTPServer.Request) -> Response {
        let (method, body) = (request.method, request.body)
        requests.append(
            ArgoCDFakeRequest(
                method: method, target: request.uri, authorization: request.header("Authorization"),
                body: String(decoding: body, as: UTF8.self)))
        if unavailable > 0 {
            unavailable -= 1
            return Self.error(14, "connection error: desc = \"transport: error while dialing\"")
        }
        guard request.header("Authorization") == "Bearer \(token)" else {
            let echo = echoAuthorization ? " (Authorization: \(request.header("Authorization") ?? ""))" : ""
            return Self.error(16, "invalid session: token has invalid claims: token is expired" + echo)
        }
        let parts = request.path.split(separator: "/").map(String.init)
        let namespace = request.query.first { $0.name == "appNamespace" }?.value ?? "argocd"
        switch (method, parts.count) {
        case ("GET", 4) where parts.starts(with: ["api", "v1", "applications"]):
            let name = parts[3].removingPercentEncoding ?? parts[3]
            return read(
                name, namespace: namespace, project: request.query.first { $0.name == "project" }?.value)
        case ("POST", 5) where parts.starts(with: ["api", "v1", "applications"]) && parts[4] == "rollback":
            let name = parts[3].removingPercentEncoding ?? parts[3]
            let request = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
            return rollback(name, request: request)
        default:
            return Response(status: 404, json: ["error": "Not Found", "code": 5, "message": "Not Found"])
        }
    }

    private func may(_ action: String, _ name: String) -> Bool {
        grants[name].map { $0.contains(action) } ?? true
    }

    private mutating func read(_ name: String, namespace: String, project: String?) -> Response {
        let key = "\(namespace)/\(name)"
        // With a project named, RBAC on <project>/<name> is checked first, then existence; without
        // one, Argo CD hides whether an Application exists behind a 403.
        if let project, !may("get", name) {
            return Self.error(7, Self.denied("get", "\(project)/\(name)"))
        }
        guard let application = applications[key], project == nil || project == application.project else {
            return project == nil
                ? Self.error(7, "permission denied")
                : Self.error(5, "applications.argoproj.io \"\(name)\" not found")
        }
        guard may("get", name) else {
            return Self.error(7, Self.denied("get", "\(application.project)/\(name)"))
        }
        applications[key]?.advance(now: Date())
        return Response(status: 200, json: applications[key]?.json() ?? [:])
    }

    /// Argo CD's message for a refused RBAC check.
    private static func denied(_ action: String, _ object: String) -> String {
        "permission denied: applications, \(action), \(object), sub: steward, iat: 2026-12-01T00:00:00Z"
    }

    private mutating func rollback(_ name: String, request: [String: Any]) -> Response {
        let namespace = request["appNamespace"] as? String ?? "argocd"
        let key = "\(namespace)/\(name)"
        guard var application = applications[key] else {
            return Self.error(5, "applications.argoproj.io \"\(name)\" not found")
        }
        guard may("sync", name) else {
            return Self.error(7, Self.denied("sync", "\(application.project)/\(name)"))
        }
        if application.deleting {
            return Self.error(9, "application \(name) is being deleted")
        }
        if application.automatedSync {
            return Self.error(9, "rollback cannot be initiated when auto-sync is enabled")
        }
        if application.operation?.phase == "Running" {
            return Self.error(9, "another operation is already in progress")
        }
        let id = (request["id"] as? Int) ?? Int(request["id"] as? String ?? "") ?? 0
        guard application.history.contains(where: { $0.id == id }) else {
            return Self.error(3, "application \(name) does not have deployment with id \(id)")
        }
        let dryRun = request["dryRun"] as? Bool == true
        let failure = dryRun ? nil : failNextRollback
        if !dryRun { failNextRollback = nil }
        if failure == .beforeActing {
            return Self.error(14, "connection error: desc = \"transport: error while dialing\"")
        }
        let polls: Int =
            switch (dryRun, application.rollback) {
            case (true, _): 0
            case (false, .succeed(let polls, _)), (false, .fail(let polls, _)): polls
            case (false, .neverFinish): Int.max
            }
        application.operation = ("Running", "rolling back to history \(id)", polls, Date(), nil, dryRun)
        application.rollbackTarget = id
        application.operationStateCleared = true
        applications[key] = application
        if failure == .afterActing {
            return Self.error(14, "upstream connect error or disconnect/reset before headers")
        }
        return Response(status: 200, json: application.json())
    }

    /// The gateway's answer for gRPC status `code`, with the HTTP status grpc-gateway maps it to.
    static func error(_ code: Int, _ message: String) -> Response {
        let status =
            switch code {
            case 3, 9: 400
            case 5: 404
            case 7: 403
            case 16: 401
            case 14: 503
            default: 500
            }
        return Response(status: status, json: ["error": message, "code": code, "message": message])
    }
}
