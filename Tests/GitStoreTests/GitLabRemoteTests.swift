import Foundation
import GitStore
import TestSupport
import Testing

/// GitLab's token convention, user `oauth2`, against `git http-backend` that accepts only that user.
@Suite struct GitLabRemoteTests {
    static let token = "glpat-0123456789abcdef"
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_600_000))

    let fixture: GitFixture
    let upstream: String
    let bare: String
    let server: GitHTTPServer
    let url: String
    let initial: String

    init() throws {
        fixture = try GitFixture()
        (upstream, bare, initial) = try fixture.makeServedRepository()
        server = try GitHTTPServer.start(root: fixture.path("remotes"), user: "oauth2", password: Self.token)
        url = server.url(for: "app.git")
    }

    @Test func clonesFetchesAndPushesAsOAuth2() throws {
        defer { server.stop() }
        let credentials = Credentials.gitLab(token: Self.token)
        #expect(credentials.description == "token for user oauth2 (redacted)")
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: credentials)
        #expect(try cache.resolve("origin/main").hex == initial)

        try fixture.git(["remote", "add", "origin", bare], in: upstream)
        let next = try fixture.commit(
            in: upstream, files: ["deploy/web.yaml": "memory: 2Gi\n"], message: "Raise")
        try fixture.git(["push", "--quiet", "origin", "main"], in: upstream)
        try cache.fetch(remote: "origin", credentials: credentials)
        #expect(try cache.resolve("origin/main").hex == next)

        let base = try cache.resolve("origin/main")
        let tree = try cache.makeTree(base: base, upserts: ["deploy/web.yaml": Array("memory: 3Gi\n".utf8)])
        let commit = try cache.commit(
            tree: tree, parents: [base], author: Self.bot, committer: Self.bot, message: "Bot: 3Gi")
        try cache.updateReference("refs/heads/steward/web", to: commit, expecting: nil, message: "bot")
        try cache.push(remote: "origin", branch: "steward/web", expecting: nil, credentials: credentials)
        #expect(try fixture.revision("steward/web", in: bare) == commit.hex)
        #expect(server.statistics.rejectedCredentials == 0)
    }

    @Test func theGitHubUserIsRefusedByAServerThatWantsOAuth2() throws {
        defer { server.stop() }
        let before = try GitSnapshot(of: bare, fixture: fixture)
        let target = fixture.path("cache.git")
        let error = try #require(throws: GitError.self) {
            try Repository.cloneBare(from: url, into: target, credentials: .token(Self.token))
        }
        #expect(error.code == .authentication)
        #expect(error.subject == url)
        #expect(!error.description.contains(Self.token))
        #expect(server.statistics.rejectedCredentials == 2)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try GitSnapshot(of: bare, fixture: fixture) == before)
    }
}
