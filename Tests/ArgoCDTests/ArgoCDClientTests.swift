import ArgoCD
import ArgoCDFake
import ClientSupport
import Foundation
import TestSupport
import Testing

/// The Argo CD client against the loopback Argo CD fake (the API of v2.13 to v3.1).
@Suite("Argo CD client")
struct ArgoCDClientTests {
    static let token = "argo-secret-token-0123"
    static let deployedAt = Date(timeIntervalSince1970: 1_790_000_000)
    /// The discard port on loopback, where nothing listens (a port a stopped server freed may be
    /// taken by another test's server meanwhile).
    static let nobody = "http://127.0.0.1:9"

    static func shop(automated: Bool = false) -> ArgoCDFakeApplication {
        ArgoCDFakeApplication(
            name: "shop", automatedSync: automated,
            history: [
                .init(id: 3, revision: String(repeating: "a", count: 40), deployedAt: deployedAt),
                .init(
                    id: 4, revision: String(repeating: "b", count: 40),
                    deployStartedAt: deployedAt.addingTimeInterval(3_600),
                    deployedAt: deployedAt.addingTimeInterval(3_620)),
            ])
    }

    /// Runs `body` with a fake holding `shop` and a client of it that retries quickly.
    static func withClient(
        token: String = token, _ body: (ArgoCDServer, ArgoCDClient) async throws -> Void
    ) async throws {
        let server = try await ArgoCDServer.start(token: Self.token)
        server.seed(shop())
        let client = try ArgoCDClient(
            configuration: ArgoCDConfiguration(
                server: server.origin, token: token,
                retry: RetryPolicy(
                    maxAttempts: 3, initialDelay: .milliseconds(10), maxDelay: .milliseconds(20))))
        do {
            try await body(server, client)
        } catch {
            await client.shutdown()
            try await server.stop()
            throw error
        }
        await client.shutdown()
        try await server.stop()
    }

    @Test("reads an Application's history, sync, health and sync policy")
    func readsApplication() async throws {
        try await Self.withClient { server, client in
            let application = try await client.application("shop")
            #expect(application.name == "shop")
            #expect(application.namespace == "argocd")
            #expect(application.project == "default")
            #expect(application.automatedSync == false)
            #expect(application.syncStatus == "Synced")
            #expect(application.health == "Degraded")
            #expect(application.operation == nil)
            #expect(
                application.history == [
                    ArgoHistoryEntry(
                        id: 3, revisions: [String(repeating: "a", count: 40)], deployedAt: Self.deployedAt),
                    ArgoHistoryEntry(
                        id: 4, revisions: [String(repeating: "b", count: 40)],
                        deployedAt: Self.deployedAt.addingTimeInterval(3_620),
                        deployStartedAt: Self.deployedAt.addingTimeInterval(3_600)),
                ])
            #expect(server.requests.map(\.line) == ["GET /api/v1/applications/shop?appNamespace=argocd"])
            #expect(server.requests.map(\.authorization) == ["Bearer \(Self.token)"])
        }
    }

    @Test("sees automated sync")
    func automated() async throws {
        try await Self.withClient { server, client in
            server.seed(Self.shop(automated: true))
            let application = try await client.application("shop")
            #expect(application.automatedSync)
        }
    }

    @Test("an expired token is a 401 that names the server and never the token")
    func unauthenticated() async throws {
        try await Self.withClient(token: "expired-token-9876") { server, client in
            let error = await #expect(throws: ArgoCDError.self) { try await client.application("shop") }
            guard case .unauthenticated(let origin, let request, let message) = error else {
                Issue.record("expected unauthenticated, got \(String(describing: error))")
                return
            }
            #expect(origin == server.origin)
            #expect(request == "GET /api/v1/applications/shop")
            #expect(message == "invalid session: token has invalid claims: token is expired")
            #expect(!(error?.description.contains("expired-token-9876") ?? true))
            #expect(server.requests.count == 1)
        }
    }

    @Test("a refused read says which permission to grant")
    func permissionDenied() async throws {
        try await Self.withClient { server, client in
            server.grant([], on: "shop")
            let error = await #expect(throws: ArgoCDError.self) { try await client.application("shop") }
            #expect(
                error?.description
                    == "Argo CD at \(server.origin): permission denied for get on shop: grant "
                    + "`p, role:steward, applications, get, */shop, allow` in argocd-rbac-cm (docs/argocd.md); "
                    + "Argo CD said: permission denied: applications, get, default/shop, sub: steward, "
                    + "iat: 2026-12-01T00:00:00Z")
        }
    }

    @Test("an unknown Application is NotFound when the project is named, and hidden behind 403 otherwise")
    func notFound() async throws {
        try await Self.withClient { server, client in
            let named = await #expect(throws: ArgoCDError.self) {
                try await client.application("cart", project: "default")
            }
            #expect(
                named
                    == .notFound(
                        server: server.origin, application: "cart",
                        message: "applications.argoproj.io \"cart\" not found"))
            #expect(
                server.requests.last?.line
                    == "GET /api/v1/applications/cart?appNamespace=argocd&project=default")
            // RBAC comes first where the project is named: a refused read says so, whether or not
            // the Application exists.
            server.grant([], on: "cart")
            let refused = await #expect(throws: ArgoCDError.self) {
                try await client.application("cart", project: "default")
            }
            #expect(
                refused
                    == .permissionDenied(
                        server: server.origin, action: "get", application: "cart", project: "default",
                        message: "permission denied: applications, get, default/cart, sub: steward, "
                            + "iat: 2026-12-01T00:00:00Z"))
            let hidden = await #expect(throws: ArgoCDError.self) { try await client.application("cart") }
            #expect(
                hidden
                    == .permissionDenied(
                        server: server.origin, action: "get", application: "cart", project: nil,
                        message: "permission denied"))
        }
    }

    @Test("a token the server echoes back never reaches an error")
    func echoedToken() async throws {
        try await Self.withClient(token: "wrong-token-4711") { server, client in
            server.echoAuthorization()
            let error = await #expect(throws: ArgoCDError.self) { try await client.application("shop") }
            let text = error?.description ?? ""
            #expect(text.contains("(Authorization: Bearer <redacted>)"), "\(text)")
            #expect(!text.contains("wrong-token-4711"))
        }
    }

    @Test("a read is retried after 503, up to the policy")
    func readRetried() async throws {
        try await Self.withClient { server, client in
            server.failNext(2)
            let application = try await client.application("shop")
            #expect(application.name == "shop")
            #expect(server.requests.count == 3)
            server.failNext(3)
            let error = await #expect(throws: ArgoCDError.self) { try await client.application("shop") }
            guard case .unexpectedStatus(_, _, 503, _) = error else {
                Issue.record("expected 503, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("a dry-run rollback is an operation that changes nothing; a real one starts after it and succeeds")
    func rollback() async throws {
        try await Self.withClient { server, client in
            let shop = try await client.application("shop")
            let dry = try await client.rollback(shop, to: 3, dryRun: true)
            // Setting the operation clears the state of the last one, as SetAppOperation does.
            #expect(dry.operationPending)
            #expect(dry.operation == nil)
            // Argo CD refuses another operation until the dry run has ended.
            let busy = await #expect(throws: ArgoCDError.self) {
                try await client.rollback(shop, to: 3, dryRun: false)
            }
            #expect(
                busy
                    == .failedPrecondition(
                        server: server.origin, application: "shop",
                        message: "another operation is already in progress"
                    ))
            let dryDone = try await client.application("shop")
            #expect(dryDone.operationEnded)
            #expect(dryDone.operation?.phase == .succeeded)
            #expect(dryDone.history.count == 2)
            let started = try await client.rollback(shop, to: 3, dryRun: false)
            #expect(started.operationPending)
            #expect(started.operation == nil)
            let running = try await client.application("shop")
            #expect(running.operation?.phase == .running)
            #expect(running.operationPending)
            // The sync ends before Argo CD has looked at health again, then pods roll out.
            let done = try await client.application("shop")
            #expect(done.operationEnded)
            #expect(done.operation?.phase == .succeeded)
            #expect(done.syncStatus == "OutOfSync")
            #expect(done.health == "Degraded")
            #expect(!done.healthSettled)
            let progressing = try await client.application("shop")
            #expect(progressing.health == "Progressing")
            #expect(!progressing.healthSettled)
            let healthy = try await client.application("shop")
            #expect(healthy.health == "Healthy")
            #expect(healthy.healthSettled)
            #expect(done.history.last?.revisions == [String(repeating: "a", count: 40)])
            #expect(done.history.last?.id == 5)
            let posts = server.requests.filter { $0.method == "POST" }
            #expect(
                posts.map(\.line) == Array(repeating: "POST /api/v1/applications/shop/rollback", count: 3))
            #expect(
                posts.map(\.body) == [
                    #"{"appNamespace":"argocd","dryRun":true,"id":3,"name":"shop","project":"default","prune":false}"#,
                    #"{"appNamespace":"argocd","dryRun":false,"id":3,"name":"shop","project":"default","prune":false}"#,
                    #"{"appNamespace":"argocd","dryRun":false,"id":3,"name":"shop","project":"default","prune":false}"#,
                ])
        }
    }

    @Test("refusals of a rollback keep their gRPC code, and a rollback is never sent twice")
    func rollbackRefusals() async throws {
        try await Self.withClient { server, client in
            let shop = try await client.application("shop")
            let gone = await #expect(throws: ArgoCDError.self) {
                try await client.rollback(shop, to: 1, dryRun: true)
            }
            #expect(
                gone
                    == .invalidArgument(
                        server: server.origin, application: "shop",
                        message: "application shop does not have deployment with id 1"))

            server.update("shop") { $0.automatedSync = true }
            let automated = await #expect(throws: ArgoCDError.self) {
                try await client.rollback(shop, to: 3, dryRun: false)
            }
            #expect(
                automated
                    == .failedPrecondition(
                        server: server.origin, application: "shop",
                        message: "rollback cannot be initiated when auto-sync is enabled"))

            server.update("shop") { $0.automatedSync = false }
            server.grant(["get"], on: "shop")
            let denied = await #expect(throws: ArgoCDError.self) {
                try await client.rollback(shop, to: 3, dryRun: false)
            }
            #expect(
                denied?.description.hasPrefix(
                    "Argo CD at \(server.origin): permission denied for sync on shop: grant "
                        + "`p, role:steward, applications, sync, default/shop, allow` (or the action `rollback` "
                        + "where server.rbac.rollback.enforce.enable is set)") == true)

            server.grant(["get", "sync"], on: "shop")
            server.failNext(1)
            let unavailable = await #expect(throws: ArgoCDError.self) {
                try await client.rollback(shop, to: 3, dryRun: false)
            }
            guard case .unexpectedStatus(_, "POST /api/v1/applications/shop/rollback", 503, _) = unavailable
            else {
                Issue.record("expected 503, got \(String(describing: unavailable))")
                return
            }
            #expect(server.mutatingRequests.count == 3)
            #expect(server.application("shop")?.operationPhase == nil)
        }
    }

    @Test("an unreachable server names itself")
    func unreachable() async throws {
        let client = try ArgoCDClient(
            configuration: ArgoCDConfiguration(
                server: Self.nobody, token: Self.token,
                retry: RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(5), maxDelay: .milliseconds(5))
            ))
        let error = await #expect(throws: ArgoCDError.self) { try await client.application("shop") }
        await client.shutdown()
        guard case .unreachable(let server, "GET /api/v1/applications/shop", _) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(server == Self.nobody)
    }

    @Test("TLS: trusts the CA file, and refuses the server without it")
    func tls() async throws {
        let directory = try TemporaryDirectory()
        let server = try await ArgoCDServer.start(token: Self.token)
        server.seed(Self.shop())
        let tunnel = try TLSTunnel.start(in: directory.url.path, forwardingTo: server.port)
        defer { tunnel.stop() }
        let trusted = try ArgoCDClient(
            configuration: ArgoCDConfiguration(
                server: "https://localhost:\(tunnel.port)", token: Self.token,
                caFile: tunnel.certificateAuthorityFile))
        #expect(try await trusted.application("shop").name == "shop")
        await trusted.shutdown()
        let untrusted = try ArgoCDClient(
            configuration: ArgoCDConfiguration(
                server: "https://localhost:\(tunnel.port)", token: Self.token,
                retry: RetryPolicy(maxAttempts: 1)))
        let error = await #expect(throws: ArgoCDError.self) { try await untrusted.application("shop") }
        await untrusted.shutdown()
        guard case .unreachable = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        try await server.stop()
    }

    @Test("a CA file without a certificate is a configuration error")
    func badCAFile() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("ca.pem", "not a certificate\n").path
        #expect(throws: ArgoCDError.self) {
            try ArgoCDClient(
                configuration: ArgoCDConfiguration(
                    server: "https://argocd.example.com", token: "t", caFile: file))
        }
    }
}
