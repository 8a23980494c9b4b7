import AsyncHTTPClient
import ClientSupport
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// A client of Argo CD's REST API (`/api/v1`, the gRPC gateway of the API server): reads an
/// Application and rolls it back to a history entry.
///
/// Reads are retried per ``ArgoCDConfiguration/retry`` on connection failures and 5xx; a rollback
/// is sent once, whatever happens, so that a fault never makes a second mutating call. Redirects
/// are not followed: they would carry the token elsewhere. Call ``shutdown()`` when done.
public final class ArgoCDClient: Sendable {
    /// The server, token and limits the client was made with.
    public let configuration: ArgoCDConfiguration
    private let http: HTTPClient
    private let redact: Redactor
    private let logger: Logger

    /// - Throws: ``ArgoCDError/invalidConfiguration(_:)`` for a server that is not an http(s) URL
    ///   or a CA file without a PEM certificate.
    public init(configuration: ArgoCDConfiguration, logger: Logger = Logger(label: "steward.argocd"))
        throws(ArgoCDError)
    {
        guard configuration.server.hasPrefix("https://") || configuration.server.hasPrefix("http://") else {
            throw .invalidConfiguration("server \(Redactor.url(configuration.server)) is not an http(s) URL")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(caFile)
            } catch {
                throw .invalidConfiguration("cannot read the CA file \(caFile): \(error)")
            }
            guard !certificates.isEmpty else {
                throw .invalidConfiguration("the CA file \(caFile) holds no PEM certificate")
            }
            tls.trustRoots = .certificates(certificates)
        }
        let timeout = TimeAmount.nanoseconds(configuration.requestTimeout.nanoseconds)
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(30))
        // The retry policy bounds retries: a down server is reported in seconds, not at a deadline.
        pool.retryConnectionEstablishment = false
        self.http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(
                tlsConfiguration: tls, redirectConfiguration: .disallow,
                timeout: .init(connect: min(timeout, .seconds(10)), read: timeout), connectionPool: pool))
        self.configuration = configuration
        self.redact = Redactor(secrets: [configuration.token])
        self.logger = logger
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        do {
            try await http.shutdown()
        } catch {
            logger.warning("cannot shut the Argo CD client down", metadata: ["error": "\(error)"])
        }
    }

    /// `GET /api/v1/applications/{name}?appNamespace=…&project=…`.
    /// - Parameters:
    ///   - namespace: where the Application object is; nil for Argo CD's own namespace.
    ///   - project: the Application's project, when known: with it Argo CD answers a missing
    ///     Application with 404 instead of hiding it behind 403.
    public func application(_ name: String, namespace: String? = nil, project: String? = nil)
        async throws(ArgoCDError) -> ArgoApplication
    {
        let namespace = namespace ?? configuration.namespace
        let path =
            "/api/v1/applications/\(URLComponent.encoded(name))?appNamespace=\(URLComponent.encoded(namespace))"
            + (project.map { "&project=\(URLComponent.encoded($0))" } ?? "")
        let response = try await configuration.retry.run { attempt in
            await self.attempt(
                .GET, path, body: nil, application: name, action: "get", project: project, attempt)
        } pause: { wait, failure, next throws(ArgoCDError) in
            logger.notice(
                "Argo CD request will be retried",
                metadata: [
                    "request": "GET \(path)", "wait": "\(wait.secondsText)", "attempt": "\(next)",
                    "reason": "\(failure)",
                ])
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw ArgoCDError.unreachable(server: server, request: "GET \(path)", message: "cancelled")
            }
        }
        return try decode(response, request: "GET \(path)", namespace: namespace)
    }

    /// `POST /api/v1/applications/{name}/rollback` to history entry `id`, with `prune: false`: a
    /// rollback never deletes what the older revision lacks. Sent exactly once.
    /// - Parameter dryRun: Argo CD runs the rollback as a dry-run sync: an operation of its own,
    ///   which changes no resource but must end before another operation may start.
    /// - Returns: the Application as Argo CD answered (its operation has just been set).
    public func rollback(_ application: ArgoApplication, to id: Int, dryRun: Bool) async throws(ArgoCDError)
        -> ArgoApplication
    {
        let path = "/api/v1/applications/\(URLComponent.encoded(application.name))/rollback"
        let body: [String: any Sendable] = [
            "name": application.name, "appNamespace": application.namespace, "project": application.project,
            "id": id, "dryRun": dryRun, "prune": false,
        ]
        let json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        } catch {
            throw .invalidConfiguration("cannot encode the rollback request: \(error)")
        }
        let outcome = await attempt(
            .POST, path, body: Array(json), application: application.name, action: "sync",
            project: application.project, 1)
        let response: [UInt8]
        switch outcome {
        case .success(let bytes): response = bytes
        case .failure(let error), .retry(let error, _): throw error
        }
        return try decode(response, request: "POST \(path)", namespace: application.namespace)
    }

    /// The server as messages name it, without credentials.
    public var server: String { Redactor.url(configuration.server) }

    private func attempt(
        _ method: HTTPMethod, _ path: String, body: [UInt8]?, application: String, action: String,
        project: String?, _ attempt: Int
    ) async -> RetryPolicy.Outcome<[UInt8], ArgoCDError> {
        let request = "\(method.rawValue) \(path.prefix { $0 != "?" })"
        var outgoing = HTTPClientRequest(url: configuration.server + path)
        outgoing.method = method
        outgoing.headers.add(name: "Authorization", value: "Bearer \(configuration.token)")
        outgoing.headers.add(name: "Accept", value: "application/json")
        outgoing.headers.add(name: "User-Agent", value: "steward")
        if let body {
            outgoing.headers.add(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let status: Int
        let bytes: [UInt8]
        do {
            let response = try await http.execute(
                outgoing, timeout: .nanoseconds(configuration.requestTimeout.nanoseconds))
            status = Int(response.status.code)
            bytes = Array(buffer: try await response.body.collect(upTo: Self.maximumBodyBytes))
        } catch {
            let failure = ArgoCDError.unreachable(
                server: server, request: request, message: redact(String(describing: error)))
            return .retry(failure, after: configuration.retry.delay(afterAttempt: attempt, retryAfter: nil))
        }
        logger.debug(
            "Argo CD answered",
            metadata: ["request": "\(request)", "status": "\(status)", "attempt": "\(attempt)"])
        if (200..<300).contains(status) { return .success(bytes) }
        let answer = GatewayErrorBody(bytes)
        let message = redact(answer?.message ?? String(decoding: bytes.prefix(512), as: UTF8.self))
        let failure: ArgoCDError =
            switch (answer?.code, status) {
            case (16, _), (nil, 401):
                .unauthenticated(server: server, request: request, message: message)
            case (7, _), (nil, 403):
                .permissionDenied(
                    server: server, action: action, application: application, project: project,
                    message: message)
            case (5, _), (nil, 404):
                .notFound(server: server, application: application, message: message)
            case (9, _):
                .failedPrecondition(server: server, application: application, message: message)
            case (3, _):
                .invalidArgument(server: server, application: application, message: message)
            default:
                .unexpectedStatus(server: server, request: request, status: status, message: message)
            }
        if status >= 500 {
            return .retry(failure, after: configuration.retry.delay(afterAttempt: attempt, retryAfter: nil))
        }
        return .failure(failure)
    }

    private func decode(_ bytes: [UInt8], request: String, namespace: String) throws(ArgoCDError)
        -> ArgoApplication
    {
        let payload: ApplicationPayload
        do {
            payload = try JSONDecoder().decode(ApplicationPayload.self, from: Data(bytes))
        } catch {
            throw .invalidResponse(
                server: server, request: request, message: redact(String(describing: error)))
        }
        do {
            return try payload.application(defaultNamespace: namespace)
        } catch {
            throw .invalidResponse(server: server, request: request, message: error.message)
        }
    }

    private static let maximumBodyBytes = 16 * 1024 * 1024
}
