/// A failure talking to Argo CD, naming the server and the Application it was about.
///
/// The cases follow the gRPC codes Argo CD's gateway answers with (`{"error", "code", "message"}`
/// bodies), so that a caller reacts to a refused rollback without reading the message. No case
/// carries the token: the client removes it from anything the server echoes back.
public enum ArgoCDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached (refused, TLS, timeout) after the retries reads get.
    case unreachable(server: String, request: String, message: String)
    /// The token was refused (401, gRPC `Unauthenticated`, code 16): expired, revoked or wrong.
    case unauthenticated(server: String, request: String, message: String)
    /// The token may not do `action` on `application` (403, gRPC `PermissionDenied`, code 7).
    /// `project` is the Application's project when Steward read it before the call.
    case permissionDenied(
        server: String, action: String, application: String, project: String?, message: String)
    /// No such Application, or the token cannot see it (404, gRPC `NotFound`, code 5).
    case notFound(server: String, application: String, message: String)
    /// Argo CD refused the call in the Application's current state (gRPC `FailedPrecondition`,
    /// code 9): auto-sync enabled, another operation running, the Application being deleted.
    case failedPrecondition(server: String, application: String, message: String)
    /// Argo CD refused an argument (gRPC `InvalidArgument`, code 3), e.g. a history id already
    /// dropped past `revisionHistoryLimit`.
    case invalidArgument(server: String, application: String, message: String)
    /// Any other answer: a 5xx after the retries, a redirect, an unknown code.
    case unexpectedStatus(server: String, request: String, status: Int, message: String)
    /// A 2xx answer Steward cannot read.
    case invalidResponse(server: String, request: String, message: String)
    /// The configuration cannot work: a bad server URL or CA file.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .unreachable(let server, let request, let message):
            "Argo CD at \(server) is unreachable for \(request): \(message)"
        case .unauthenticated(let server, let request, let message):
            "Argo CD at \(server) rejected the token for \(request) (\(message)): make a new one "
                + "(docs/argocd.md) and update the Secret"
        case .permissionDenied(let server, let action, let application, let project, let message):
            "Argo CD at \(server): permission denied for \(action) on \(application): grant "
                + "\(Self.grant(action, "\(project ?? "*")/\(application)")) in argocd-rbac-cm (docs/argocd.md); "
                + "Argo CD said: \(message)"
        case .notFound(let server, let application, let message):
            "Argo CD at \(server) has no Application \(application), or the token cannot see it: \(message)"
        case .failedPrecondition(let server, let application, let message):
            "Argo CD at \(server) refused the call on \(application) in its current state: \(message)"
        case .invalidArgument(let server, let application, let message):
            "Argo CD at \(server) refused the request on \(application): \(message)"
        case .unexpectedStatus(let server, let request, let status, let message):
            "Argo CD at \(server) answered \(status) for \(request): \(message)"
        case .invalidResponse(let server, let request, let message):
            "Argo CD at \(server) answered \(request) with a body Steward cannot read: \(message)"
        case .invalidConfiguration(let message):
            "Argo CD configuration: \(message)"
        }
    }

    /// The policy line an operator adds: `applications, get, <project>/<app>` for a read, and for a
    /// rollback `sync` (or `rollback` where the server enforces that action).
    private static func grant(_ action: String, _ object: String) -> String {
        let resource = "applications, \(action), \(object), allow"
        guard action == "sync" else { return "`p, role:steward, \(resource)`" }
        return "`p, role:steward, \(resource)` (or the action `rollback` where "
            + "server.rbac.rollback.enforce.enable is set)"
    }
}
