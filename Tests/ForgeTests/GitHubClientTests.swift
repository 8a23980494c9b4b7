import AsyncHTTPClient
import Forge
import ForgeFake
import Foundation
import NIOCore
import TestSupport
import Testing

/// What is particular to GitHub: headers, the `owner:branch` head filter, the 422 shapes.
@Suite("GitHub client")
struct GitHubClientTests {
    @Test("sends GitHub's headers and the documented request bodies")
    func headersAndBodies() async throws {
        try await ForgeHarness.run(.github) { server, forge in
            _ = try await forge.createPullRequest(ForgeClientContractTests.draft)

            let requests = server.requests
            #expect(
                requests.map(\.line) == [
                    "POST /api/v3/repos/acme/deploy/pulls", "PUT /api/v3/repos/acme/deploy/issues/1/labels",
                ])
            for request in requests {
                #expect(request.header("Authorization") == "Bearer \(ForgeHarness.token)")
                #expect(request.header("Accept") == "application/vnd.github+json")
                #expect(request.header("X-GitHub-Api-Version") == "2022-11-28")
                #expect(request.header("User-Agent") == "steward")
                #expect(request.header("Content-Type") == "application/json")
            }
            #expect(
                requests[0].bodyText
                    == #"{"title":"steward: right-size shop/web (cpu 500m→180m, memory 1Gi→384Mi)","head":"steward/shop-web","base":"main","body":"| container | cpu | memory |\n|---|---|---|\n| app | 500m → 180m | 1Gi → 384Mi |\n","maintainer_can_modify":true}"#
            )
            #expect(requests[1].bodyText == #"{"labels":["steward","resources"]}"#)
        }
    }

    @Test("qualifies the head filter as owner:branch and ignores forks with the same branch name")
    func qualifiedHead() async throws {
        try await ForgeHarness.run(.github) { server, forge in
            server.seedPullRequest(head: "steward/shop-web", title: "From a fork", fork: "mallory")
            server.seedPullRequest(head: "feature/login", title: "Login page")
            let own = server.seedPullRequest(head: "steward/shop-web", title: "steward: right-size shop/web")
            server.clearRequests()

            let found = try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main")

            #expect(found?.number == own)
            #expect(found?.title == "steward: right-size shop/web")
            let request = try #require(server.requests.first)
            #expect(request.line == "GET /api/v3/repos/acme/deploy/pulls")
            #expect(request.queryValue("head") == "acme:steward/shop-web")
            #expect(request.queryValue("base") == "main")
            #expect(request.queryValue("state") == "open")
        }
    }

    @Test("the loopback server ignores an unqualified head filter, as GitHub does")
    func serverIgnoresUnqualifiedHead() async throws {
        let server = try await ForgeServer.start(.github, token: ForgeHarness.token)
        server.seedPullRequest(head: "steward/shop-web", title: "ours")
        server.seedPullRequest(head: "feature/login", title: "theirs")

        func titles(head: String) async throws -> [String] {
            var request = HTTPClientRequest(
                url: "\(server.apiURL)/repos/acme/deploy/pulls?state=open&direction=asc&head=\(head)")
            request.headers.add(name: "Authorization", value: "Bearer \(ForgeHarness.token)")
            request.headers.add(name: "User-Agent", value: "steward-test")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            let list =
                try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [[String: Any]]
                ?? []
            return list.compactMap { $0["title"] as? String }
        }
        let unqualified = try await titles(head: "steward%2Fshop-web")
        let qualified = try await titles(head: "acme%3Asteward%2Fshop-web")
        try await server.stop()

        #expect(unqualified == ["ours", "theirs"])
        #expect(qualified == ["ours"])
    }

    @Test("a 422 that is not a duplicate is reported, not turned into an update")
    func otherValidationFailure() async throws {
        try await ForgeHarness.run(.github) { server, forge in
            let draft = PullRequestDraft(title: "t", body: "b", head: "main", base: "main")
            let error = try #require(
                await #expect(throws: ForgeError.self) { try await forge.createPullRequest(draft) })

            #expect(error.code == .conflict)
            #expect(
                error.description
                    == "GitHub refused the change (422 Validation Failed: No commits between main and main) "
                    + "for POST /repos/acme/deploy/pulls")
            #expect(server.requests.map(\.line) == ["POST /api/v3/repos/acme/deploy/pulls"])
        }
    }

    @Test("reads a null body as empty and a merged pull request as merged")
    func nullBodyAndMerged() async throws {
        try await ForgeHarness.run(.github) { server, forge in
            let number = server.seedPullRequest(head: "steward/shop-web", title: "no body")
            let merged = server.seedPullRequest(head: "steward/done", title: "done", state: .merged)

            let open = try await forge.updatePullRequest(number, title: nil, body: nil, labels: nil)
            let done = try await forge.updatePullRequest(merged, title: nil, body: nil, labels: nil)

            #expect(server.requests.last?.bodyText == "")
            #expect(open.body == "")
            #expect(open.webURL == "\(server.origin)/acme/deploy/pull/\(number)")
            #expect(open.headCommit == String(repeating: "01", count: 20))
            #expect(done.state == .merged)
        }
    }

    @Test("a 404 names the request and suggests checking the repository")
    func notFound() async throws {
        try await ForgeHarness.run(.github) { _, forge in
            let error = try #require(
                await #expect(throws: ForgeError.self) { try await forge.comment(on: 77, body: "hello") })

            #expect(
                error.description
                    == "GitHub found nothing (404 Not Found) for POST /repos/acme/deploy/issues/77/comments; "
                    + "check the repository name and that the token can see it")
        }
    }

    @Test("a secondary rate limit without a hint means waiting a minute, as GitHub asks")
    func secondaryLimitWithoutHint() async throws {
        try await ForgeHarness.run(.github) { server, forge in
            server.inject(
                ForgeServerFault(
                    .raw(
                        status: 429, headers: [("Content-Type", "application/json")],
                        body: #"{"message":"You have exceeded a secondary rate limit.","status":"429"}"#)))

            let error = try await ForgeHarness.listingError(forge)

            #expect(
                error.description
                    == "GitHub rate limit reached (429 You have exceeded a secondary rate limit.) for GET "
                    + "/repos/acme/deploy/pulls; the forge asks to wait 60 s, longer than the 3 s Steward may wait"
            )
        }
    }
}
