import Forge
import ForgeFake
import TestSupport
import Testing

/// What is particular to GitLab: the project path, `PRIVATE-TOKEN`, labels as a list, notes.
@Suite("GitLab client")
struct GitLabClientTests {
    @Test("sends PRIVATE-TOKEN and the documented bodies to the encoded project path")
    func headersAndBodies() async throws {
        try await ForgeHarness.run(.gitlab) { server, forge in
            let created = try await forge.createPullRequest(ForgeClientContractTests.draft)
            try await forge.closePullRequest(created.number, comment: "Gone.")

            let requests = server.requests
            #expect(
                requests.map(\.line) == [
                    "POST /api/v4/projects/acme%2Fplatform%2Fdeploy/merge_requests",
                    "POST /api/v4/projects/acme%2Fplatform%2Fdeploy/merge_requests/1/notes",
                    "PUT /api/v4/projects/acme%2Fplatform%2Fdeploy/merge_requests/1",
                ])
            for request in requests {
                #expect(request.header("PRIVATE-TOKEN") == ForgeHarness.token)
                #expect(request.header("Authorization") == nil)
                #expect(request.header("Accept") == "application/json")
            }
            #expect(
                requests[0].bodyText
                    == #"{"source_branch":"steward/shop-web","target_branch":"main","title":"steward: right-size shop/web (cpu 500m→180m, memory 1Gi→384Mi)","description":"| container | cpu | memory |\n|---|---|---|\n| app | 500m → 180m | 1Gi → 384Mi |\n","labels":"steward,resources"}"#
            )
            #expect(requests[1].bodyText == #"{"body":"Gone."}"#)
            #expect(requests[2].bodyText == #"{"state_event":"close"}"#)
            #expect(created.webURL == "\(server.origin)/acme/platform/deploy/-/merge_requests/1")
        }
    }

    @Test("finds by source and target branch, skipping merge requests from forks")
    func findFilters() async throws {
        try await ForgeHarness.run(.gitlab) { server, forge in
            server.seedPullRequest(head: "steward/shop-web", title: "From a fork", fork: "mallory")
            let own = server.seedPullRequest(head: "steward/shop-web", title: "ours")
            server.clearRequests()

            let found = try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main")

            #expect(found?.number == own)
            let request = try #require(server.requests.first)
            #expect(request.queryValue("state") == "opened")
            #expect(request.queryValue("source_branch") == "steward/shop-web")
            #expect(request.queryValue("target_branch") == "main")
        }
    }

    @Test("takes a numeric project id and the Bearer header")
    func numericProjectAndBearer() async throws {
        let server = try await ForgeServer.start(.gitlab, token: ForgeHarness.token)
        let directory = try TemporaryDirectory("steward-forge")
        var configuration = try ForgeHarness.configuration(
            for: server, in: directory, gitLabProject: String(ForgeServer.gitLabProjectID))
        configuration.gitLabTokenHeader = .bearer
        server.seedPullRequest(head: "steward/app-1", title: "one")

        let open = try await configuration.withClient(logger: LogRecorder().logger()) { forge in
            try await forge.openPullRequests(headPrefix: "steward/")
        }
        try await server.stop()

        #expect(open.map(\.title) == ["one"])
        #expect(
            server.requests.map(\.line) == [
                "GET /api/v4/projects/\(ForgeServer.gitLabProjectID)/merge_requests"
            ])
        #expect(server.requests[0].header("Authorization") == "Bearer \(ForgeHarness.token)")
        #expect(server.requests[0].header("PRIVATE-TOKEN") == nil)
    }

    @Test("an unknown project gives GitLab's 404 message")
    func unknownProject() async throws {
        try await ForgeHarness.run(.gitlab, gitLabProject: "acme/nope") { _, forge in
            let error = try await ForgeHarness.listingError(forge)

            #expect(
                error.description
                    == "GitLab found nothing (404 Project Not Found) for GET /projects/acme%2Fnope/merge_requests; "
                    + "check the repository name and that the token can see it")
        }
    }

    @Test("the 409 for a duplicate quotes GitLab's message when the existing one is out of reach")
    func duplicateMessage() async throws {
        try await ForgeHarness.run(.gitlab) { server, forge in
            // GitLab says a merge request exists, but the list does not show it (a race with a
            // merge, or a token that cannot list): the 409 is reported as it is.
            server.inject(
                ForgeServerFault(
                    .raw(
                        status: 409, headers: [("Content-Type", "application/json")],
                        body:
                            #"{"message":["Another open merge request already exists for this source branch: !12"]}"#
                    ),
                    method: "POST"))
            let error = try #require(
                await #expect(throws: ForgeError.self) {
                    try await forge.createPullRequest(ForgeClientContractTests.draft)
                })

            #expect(error.code == .conflict)
            #expect(
                error.description
                    == "GitLab refused the change (409 Another open merge request already exists for this "
                    + "source branch: !12) for POST /projects/acme%2Fplatform%2Fdeploy/merge_requests")
        }
    }
}
