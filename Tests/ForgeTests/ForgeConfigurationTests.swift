import Forge
import ForgeFake
import Foundation
import TestSupport
import Testing

/// Building clients from configuration, and the HTTP layer's refusals.
@Suite("Forge configuration")
struct ForgeConfigurationTests {
    @Test("reads the token from a file, trimming the final newline")
    func tokenFile() throws {
        let directory = try TemporaryDirectory("steward-forge")
        let file = try directory.write("token", "  ghp_abc123\n")
        let token = try ForgeToken(contentsOfFile: file.path, forge: .github)

        #expect(token == (try ForgeToken("ghp_abc123", forge: .github)))
        #expect("\(token)" == "<redacted>")
        #expect(String(reflecting: token) == "<redacted>")
    }

    @Test("a missing, empty or multi-line token file is an error naming the file, not its content")
    func badTokenFiles() throws {
        let directory = try TemporaryDirectory("steward-forge")
        let missing = directory.path("absent").path
        let empty = try directory.write("empty", "\n").path
        let twoLines = try directory.write("two", "line-one-secret\nline-two-secret\n").path

        #expect(
            throws: ForgeError(
                code: .invalidConfiguration, forge: .github,
                message: "cannot read the token file \(missing): No such file or directory")
        ) { try ForgeToken(contentsOfFile: missing, forge: .github) }
        #expect(
            throws: ForgeError(
                code: .invalidConfiguration, forge: .gitlab,
                message: "the token is empty in the token file \(empty)")
        ) { try ForgeToken(contentsOfFile: empty, forge: .gitlab) }
        let error = try #require(
            #expect(throws: ForgeError.self) { try ForgeToken(contentsOfFile: twoLines, forge: .gitea) })
        #expect(
            error.description
                == "Gitea configuration: the token spans several lines in the token file \(twoLines)")
    }

    @Test(
        "rejects repositories, URLs and kinds that cannot work",
        arguments: [
            (
                ForgeConfiguration(kind: .github, repository: "acme", tokenFile: "/dev/null"),
                "GitHub configuration: the repository 'acme' is not of the form owner/name"
            ),
            (
                ForgeConfiguration(kind: .gitea, repository: "acme/deploy", tokenFile: "/dev/null"),
                "Gitea configuration: Gitea and Forgejo need an API URL, like https://gitea.example.com/api/v1"
            ),
            (
                ForgeConfiguration(kind: .gitlab, repository: "deploy", tokenFile: "/dev/null"),
                "GitLab configuration: the project 'deploy' is neither a numeric id nor a path like group/project"
            ),
            (
                ForgeConfiguration(kind: .github, repository: "acme/deploy"),
                "GitHub configuration: no token file is configured; GitHub needs one"
            ),
        ])
    func invalid(configuration: ForgeConfiguration, message: String) throws {
        let error = try #require(
            #expect(throws: ForgeError.self) { try configuration.makeClient(logger: LogRecorder().logger()) })
        #expect(error.code == .invalidConfiguration)
        #expect(error.description == message)
    }

    @Test("an API URL with credentials is refused without repeating them")
    func credentialsInURL() throws {
        let directory = try TemporaryDirectory("steward-forge")
        let tokenFile = try directory.write("token", "t0ken\n")
        let configuration = ForgeConfiguration(
            kind: .github, apiURL: "https://bot:hunter2@ghe.example.com/api/v3", repository: "acme/deploy",
            tokenFile: tokenFile.path)

        let error = try #require(
            #expect(throws: ForgeError.self) { try configuration.makeClient(logger: LogRecorder().logger()) })

        #expect(
            error.description
                == "GitHub configuration: the API URL https://<redacted>@ghe.example.com/api/v3 contains credentials; "
                + "put the token in the token file")
    }

    @Test("forge kinds parse from configuration values")
    func kinds() {
        #expect(ForgeKind(name: "GitHub") == .github)
        #expect(ForgeKind(name: "gitlab") == .gitlab)
        #expect(ForgeKind(name: "forgejo") == .gitea)
        #expect(ForgeKind(name: "none") == ForgeKind.none)
        #expect(ForgeKind(name: "bitbucket") == nil)
    }

    @Test("a redirect is reported, not followed with the token")
    func redirectNotFollowed() async throws {
        try await ForgeHarness.run(.github) { server, forge in
            server.inject(
                ForgeServerFault(
                    .raw(
                        status: 301,
                        headers: [("Location", "http://127.0.0.2:9/api/v3/repos/acme/renamed/pulls")],
                        body: #"{"message":"Moved Permanently"}"#)))

            let error = try await ForgeHarness.listingError(forge)

            #expect(error.code == .unexpectedStatus)
            #expect(
                error.description
                    == "GitHub answered 301 Moved Permanently for GET /repos/acme/deploy/pulls; the API URL or "
                    + "repository moved to http://127.0.0.2:9/api/v3/repos/acme/renamed/pulls; Steward does not "
                    + "follow redirects with a token")
            #expect(server.requests.count == 1)
        }
    }

    @Test("a next page on another server is refused", arguments: [ForgeServer.Kind.github, .gitea])
    func foreignNextPage(kind: ForgeServer.Kind) async throws {
        try await ForgeHarness.run(kind) { server, forge in
            server.inject(
                ForgeServerFault(
                    .raw(
                        status: 200,
                        headers: [
                            ("Content-Type", "application/json"),
                            (
                                "Link",
                                #"<http://127.0.0.2:9/api/v1/repos/acme/deploy/pulls?page=2>; rel="next""#
                            ),
                        ], body: "[]")))

            let error = try await ForgeHarness.listingError(forge)

            #expect(error.code == .invalidResponse)
            #expect(
                error.message
                    == "the next page is on another server (http://127.0.0.2:9/api/v1/repos/acme/deploy/pulls?page=2); "
                    + "Steward does not send the token there")
            #expect(server.requests.count == 1)
        }
    }

    @Test("an answer that is not the documented JSON names the field")
    func unreadableAnswer() async throws {
        try await ForgeHarness.run(.gitlab) { server, forge in
            server.inject(
                ForgeServerFault(
                    .raw(
                        status: 200, headers: [("Content-Type", "application/json")],
                        body: #"[{"iid":"one"}]"#)))

            let error = try await ForgeHarness.listingError(forge)

            #expect(
                error.description
                    == "GitLab sent an answer Steward cannot read for GET "
                    + "/projects/acme%2Fplatform%2Fdeploy/merge_requests: expected Int at [0].iid")
        }
    }

    @Test("an unreachable forge is retried, then reported")
    func unreachable() async throws {
        // A server that is started and stopped leaves a loopback port nobody listens on.
        let server = try await ForgeServer.start(.gitea, token: ForgeHarness.token)
        try await server.stop()
        let directory = try TemporaryDirectory("steward-forge")
        let configuration = try ForgeHarness.configuration(
            for: server, in: directory, requestTimeout: .milliseconds(300))

        let error = try #require(
            await #expect(throws: ForgeError.self) {
                try await configuration.withClient(logger: LogRecorder().logger()) { forge in
                    try await forge.openPullRequests(headPrefix: "steward/")
                }
            })

        #expect(error.code == .transport)
        #expect(error.request == "GET /repos/acme/deploy/pulls")
        #expect(error.detail == "gave up after 3 attempts")
        #expect(error.message.contains("Connection refused"))
    }
}
