import Forge
import ForgeFake
import TestSupport
import Testing

/// What every forge client must do, checked against each forge's loopback server.
@Suite("Forge clients against loopback forges")
struct ForgeClientContractTests {
    static let draft = PullRequestDraft(
        title: "steward: right-size shop/web (cpu 500m→180m, memory 1Gi→384Mi)",
        body: "| container | cpu | memory |\n|---|---|---|\n| app | 500m → 180m | 1Gi → 384Mi |\n",
        head: "steward/shop-web", base: "main", labels: ["steward", "resources"])

    @Test("creates a pull request and finds it again", arguments: ForgeHarness.kinds)
    func createAndFind(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.seedPullRequest(head: "feature/other", title: "Someone else's work")
            let created = try await forge.createPullRequest(Self.draft)

            #expect(created.number == 2)
            #expect(created.title == Self.draft.title)
            #expect(created.body == Self.draft.body)
            #expect(created.head == "steward/shop-web")
            #expect(created.base == "main")
            #expect(created.labels == ["steward", "resources"])
            #expect(created.state == .open)
            let stored = try #require(server.pullRequest(2))
            #expect(stored.title == Self.draft.title)
            #expect(stored.body == Self.draft.body)
            #expect(stored.labels == ["steward", "resources"])

            let found = try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main")
            #expect(found == created)
            #expect(try await forge.findOpenPullRequest(head: "steward/shop-api", base: "main") == nil)
            #expect(try await forge.findOpenPullRequest(head: "steward/shop-web", base: "release") == nil)
        }
    }

    @Test("a duplicate (422 or 409) updates the existing pull request instead", arguments: ForgeHarness.kinds)
    func duplicateUpdates(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            let existing = server.seedPullRequest(
                head: "steward/shop-web", title: "steward: right-size shop/web (old)", body: "old body",
                labels: ["stale"])

            let result = try await forge.createPullRequest(Self.draft)
            let again = try await forge.createPullRequest(Self.draft)

            #expect(result.number == existing)
            #expect(again == result)
            #expect(result.title == Self.draft.title)
            #expect(result.body == Self.draft.body)
            #expect(result.labels == ["steward", "resources"])
            #expect(server.pullRequests.count == 1)
            let stored = try #require(server.pullRequest(existing))
            #expect(stored.title == Self.draft.title)
            #expect(stored.body == Self.draft.body)
            #expect(stored.labels == ["steward", "resources"])
            let creates = server.requests.filter { $0.line == "POST \(ForgeEndpoints.pulls(kind))" }
            #expect(creates.count == 2)
        }
    }

    @Test("updates only what is given; labels replace the old ones", arguments: ForgeHarness.kinds)
    func update(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            let number = server.seedPullRequest(
                head: "steward/shop-web", title: "old title", body: "kept body", labels: ["stale"])

            let updated = try await forge.updatePullRequest(
                number, title: "new title", body: nil, labels: ["steward"])

            #expect(updated.number == number)
            #expect(updated.title == "new title")
            #expect(updated.body == "kept body")
            #expect(updated.labels == ["steward"])
            let stored = try #require(server.pullRequest(number))
            #expect(stored.title == "new title")
            #expect(stored.body == "kept body")
            #expect(stored.labels == ["steward"])

            server.clearRequests()
            let unchanged = try await forge.updatePullRequest(number, title: nil, body: nil, labels: nil)
            #expect(unchanged == updated)
            #expect(server.requests.allSatisfy { $0.method == "GET" })
        }
    }

    @Test("closes a pull request after commenting on it", arguments: ForgeHarness.kinds)
    func closeWithComment(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            let number = server.seedPullRequest(
                head: "steward/shop-web", title: "steward: right-size shop/web")

            try await forge.closePullRequest(
                number, comment: "The finding is gone: usage is back within bounds.")

            let stored = try #require(server.pullRequest(number))
            #expect(stored.state == .closed)
            #expect(stored.comments == ["The finding is gone: usage is back within bounds."])
            #expect(try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main") == nil)
            let methods = server.requests.map(\.method)
            #expect(methods.firstIndex(of: "POST")! < methods.lastIndex { $0 == "PATCH" || $0 == "PUT" }!)
        }
    }

    @Test("comments on a pull request", arguments: ForgeHarness.kinds)
    func comment(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            let number = server.seedPullRequest(
                head: "steward/shop-web", title: "steward: right-size shop/web")

            try await forge.comment(
                on: number, body: "A commit on this branch is not Steward's; not pushing.")
            try await forge.comment(on: number, body: "Second note.\nWith two lines and \"quotes\".")

            #expect(
                server.pullRequest(number)?.comments == [
                    "A commit on this branch is not Steward's; not pushing.",
                    "Second note.\nWith two lines and \"quotes\".",
                ])
            #expect(server.pullRequest(number)?.state == .open)
        }
    }

    @Test(
        "lists open bot pull requests across pages, not forks or other branches",
        arguments: ForgeHarness.kinds)
    func paginatedListing(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.setMaximumPageSize(2)
            for index in 1...7 {
                server.seedPullRequest(head: "steward/app-\(index)", title: "steward: app \(index)")
            }
            server.seedPullRequest(head: "feature/login", title: "Login page")
            server.seedPullRequest(head: "steward/app-1", title: "From a fork", fork: "mallory")
            server.seedPullRequest(head: "steward/old", title: "Closed already", state: .closed)
            server.seedPullRequest(head: "steward/merged", title: "Merged already", state: .merged)
            server.seedPullRequest(head: "renovate/yams", title: "Update Yams")
            server.clearRequests()

            let open = try await forge.openPullRequests(headPrefix: "steward/")

            #expect(open.map(\.head).sorted() == (1...7).map { "steward/app-\($0)" })
            #expect(open.allSatisfy { $0.state == .open && $0.title.hasPrefix("steward: app") })
            // 10 open pull requests, 2 per page.
            let listings = server.requests.filter { $0.line == "GET \(ForgeEndpoints.pulls(kind))" }
            #expect(listings.count == 5)
            #expect(listings.map { $0.queryValue("page") ?? "1" } == ["1", "2", "3", "4", "5"])

            let last = try #require(try await forge.findOpenPullRequest(head: "steward/app-7", base: "main"))
            #expect(last.title == "steward: app 7")
        }
    }

    @Test("waits out Retry-After, then succeeds", arguments: ForgeHarness.kinds)
    func retryAfter(kind: ForgeServer.Kind) async throws {
        let logs = LogRecorder()
        try await ForgeHarness.run(kind, logs: logs) { server, forge in
            server.inject(
                ForgeServerFault(
                    .retryAfter(seconds: 1), method: "POST", pathContains: ForgeEndpoints.pulls(kind)))

            let created = try await forge.createPullRequest(Self.draft)

            #expect(created.title == Self.draft.title)
            #expect(server.pullRequests.count == 1)
            #expect(server.requests.filter { $0.line == "POST \(ForgeEndpoints.pulls(kind))" }.count == 2)
            let waits = logs.lines.filter { $0.metadata["reason"] == "rate limited" }
            #expect(waits.map { $0.metadata["wait"] } == ["1 s"])
        }
    }

    @Test("waits until the rate limit resets, then succeeds", arguments: ForgeHarness.kinds)
    func rateLimitReset(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.seedPullRequest(head: "steward/shop-web", title: "steward: right-size shop/web")
            server.inject(ForgeServerFault(.resetAfter(seconds: 1), method: "GET"))

            let found = try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main")

            #expect(found?.number == 1)
            #expect(server.requests.filter { $0.line == "GET \(ForgeEndpoints.pulls(kind))" }.count == 2)
        }
    }

    @Test(
        "fails at once when the rate limit lasts longer than the allowed wait", arguments: ForgeHarness.kinds)
    func rateLimitTooLong(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.inject(ForgeServerFault(.retryAfter(seconds: 3600)))

            let error = try await ForgeHarness.listingError(forge)

            #expect(error.code == .rateLimited)
            #expect(error.request == "GET \(ForgeEndpoints.relativePulls(kind))")
            #expect(error.status == (kind == .github ? 403 : 429))
            #expect(error.detail == "the forge asks to wait 3600 s, longer than the 3 s Steward may wait")
            #expect(server.requests.count == 1)
        }
    }

    @Test("retries server errors, then succeeds without duplicating", arguments: ForgeHarness.kinds)
    func serverErrorThenSuccess(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.inject(
                ForgeServerFault(.serverError(502), method: "POST", pathContains: ForgeEndpoints.pulls(kind)))
            server.inject(
                ForgeServerFault(.serverError(500), method: "POST", pathContains: ForgeEndpoints.pulls(kind)))

            let created = try await forge.createPullRequest(Self.draft)

            #expect(created.number == 1)
            #expect(server.pullRequests.count == 1)
            #expect(server.requests.filter { $0.line == "POST \(ForgeEndpoints.pulls(kind))" }.count == 3)
        }
    }

    @Test("gives up after the allowed attempts when the forge keeps failing", arguments: ForgeHarness.kinds)
    func serverErrorExhausted(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.inject(ForgeServerFault(.serverError(500), times: 10))

            let error = try #require(
                await #expect(throws: ForgeError.self) {
                    try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main")
                })

            let message =
                switch kind {
                case .github: "Server Error"
                case .gitlab: "500 Internal Server Error"
                case .gitea: "Internal Server Error"
                }
            #expect(error.code == .serverError)
            #expect(
                error.description
                    == "\(ForgeHarness.forgeKind(kind).displayName) failed (\(kind == .gitlab ? message : "500 \(message)")) "
                    + "for GET \(ForgeEndpoints.relativePulls(kind)); gave up after 3 attempts")
            #expect(server.requests.count == 3)
        }
    }

    @Test("a rejected token gives a clear error with the forge's own message", arguments: ForgeHarness.kinds)
    func unauthorized(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind, token: "stw-wrong-token") { server, forge in
            let draft = PullRequestDraft(title: "t", body: "b", head: "steward/shop-web", base: "main")
            let error = try #require(
                await #expect(throws: ForgeError.self) { try await forge.createPullRequest(draft) })

            let expected =
                switch kind {
                case .github:
                    "GitHub rejected the token (401 Bad credentials) for POST /repos/acme/deploy/pulls"
                case .gitlab:
                    "GitLab rejected the token (401 Unauthorized) for POST "
                        + "/projects/acme%2Fplatform%2Fdeploy/merge_requests"
                case .gitea:
                    "Gitea rejected the token (401 user does not exist [uid: 0, name: ]) for POST "
                        + "/repos/acme/deploy/pulls"
                }
            #expect(error.code == .unauthorized)
            #expect(error.status == 401)
            #expect(error.description == expected)
            #expect(server.requests.count == 1)
            #expect(server.pullRequests.isEmpty)
        }
    }

    @Test("the token appears in no error and no log line", arguments: ForgeHarness.kinds)
    func tokenNeverLeaks(kind: ForgeServer.Kind) async throws {
        let logs = LogRecorder()
        var errors: [ForgeError] = []
        try await ForgeHarness.run(kind, logs: logs) { server, forge in
            // A forge (or proxy) that echoes the token back in its error message.
            server.inject(
                ForgeServerFault(
                    .raw(
                        status: 400, headers: [("Content-Type", "application/json")],
                        body: "{\"message\":\"malformed header: \(ForgeHarness.token)\"}")))
            server.inject(ForgeServerFault(.serverError(503), times: 3))
            server.inject(ForgeServerFault(.retryAfter(seconds: 3600)))
            for _ in 0..<3 {
                do throws(ForgeError) {
                    _ = try await forge.openPullRequests(headPrefix: "steward/")
                } catch {
                    errors.append(error)
                }
            }
            #expect(
                server.requests.allSatisfy { request in
                    request.headers.contains { $0.value.contains(ForgeHarness.token) }
                })
        }
        try await ForgeHarness.run(kind, token: ForgeHarness.token + "-revoked", logs: logs) { _, forge in
            do throws(ForgeError) {
                try await forge.comment(on: 1, body: "x")
            } catch {
                errors.append(error)
            }
        }

        #expect(errors.map(\.code) == [.unexpectedStatus, .serverError, .rateLimited, .unauthorized])
        #expect(errors[0].message == "malformed header: <redacted>")
        for error in errors {
            #expect(!error.description.contains(ForgeHarness.token))
            #expect(!String(reflecting: error).contains(ForgeHarness.token))
        }
        #expect(!logs.lines.isEmpty)
        #expect(logs.lines.allSatisfy { !$0.text.contains(ForgeHarness.token) })
    }
}
