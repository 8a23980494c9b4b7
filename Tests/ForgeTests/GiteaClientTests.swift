import Forge
import TestSupport
import Testing

/// What is particular to Gitea and Forgejo: `Authorization: token`, labels by id, 201 on edit.
@Suite("Gitea client")
struct GiteaClientTests {
    @Test("maps label names to ids, creating the missing labels")
    func labelsByID() async throws {
        try await ForgeHarness.run(.gitea) { server, forge in
            let existing = server.seedLabel("steward")

            let created = try await forge.createPullRequest(ForgeClientContractTests.draft)

            #expect(created.labels == ["steward", "resources"])
            #expect(server.labelNames == ["steward", "resources"])
            let requests = server.requests
            #expect(
                requests.map(\.line) == [
                    "GET /api/v1/repos/acme/deploy/labels", "POST /api/v1/repos/acme/deploy/labels",
                    "POST /api/v1/repos/acme/deploy/pulls",
                ])
            #expect(requests[1].bodyText == ##"{"name":"resources","color":"#ededed"}"##)
            #expect(
                requests[2].bodyText
                    == #"{"head":"steward/shop-web","base":"main","title":"steward: right-size shop/web (cpu 500m→180m, memory 1Gi→384Mi)","body":"| container | cpu | memory |\n|---|---|---|\n| app | 500m → 180m | 1Gi → 384Mi |\n","labels":[\#(existing),\#(existing + 1)]}"#
            )
            for request in requests {
                #expect(request.header("Authorization") == "token \(ForgeHarness.token)")
                #expect(request.header("Accept") == "application/json")
            }
        }
    }

    @Test("an edit answered with 201 is read as the updated pull request")
    func editAnswersCreated() async throws {
        try await ForgeHarness.run(.gitea) { server, forge in
            let number = server.seedPullRequest(head: "steward/shop-web", title: "old", body: "old body")

            let updated = try await forge.updatePullRequest(number, title: nil, body: "new body", labels: [])

            #expect(updated.title == "old")
            #expect(updated.body == "new body")
            #expect(updated.labels == [])
            #expect(server.requests.map(\.line) == ["PATCH /api/v1/repos/acme/deploy/pulls/\(number)"])
            #expect(server.requests[0].bodyText == #"{"body":"new body","labels":[]}"#)
            #expect(updated.webURL == "\(server.origin)/acme/deploy/pulls/\(number)")
        }
    }

    @Test("finds the pull request for a branch on a later page, not the fork's")
    func findAcrossPages() async throws {
        try await ForgeHarness.run(.gitea) { server, forge in
            server.setMaximumPageSize(2)
            server.seedPullRequest(head: "steward/shop-web", title: "From a fork", fork: "mallory")
            for index in 1...4 { server.seedPullRequest(head: "feature/\(index)", title: "feature \(index)") }
            let own = server.seedPullRequest(head: "steward/shop-web", title: "ours")
            server.clearRequests()

            let found = try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main")

            #expect(found?.number == own)
            #expect(server.requests.map { $0.queryValue("page") ?? "1" } == ["1", "2", "3"])
            #expect(
                server.requests.allSatisfy {
                    $0.queryValue("limit") == "50" && $0.queryValue("state") == "open"
                })
        }
    }
}
