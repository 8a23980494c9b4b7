import Foundation
import GitStore
import TestSupport
import Testing

/// Behaviours of libgit2 1.5 that GitStore's design depends on, measured here so that a
/// different libgit2 shows up as a failing test rather than a wrong assumption in docs/git.md.
@Suite struct LibGit2PitfallTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_600_000))

    @Test func theFileTransportIgnoresDenyNonFastForwards() throws {
        let fixture = try GitFixture()
        let upstream = try fixture.makeRepository("upstream")
        let initial = try fixture.commit(in: upstream, files: ["a": "1\n"], message: "Start")
        let bare = fixture.path("app.git")
        try fixture.git(["clone", "--quiet", "--bare", upstream, bare])
        try fixture.git(["config", "receive.denyNonFastForwards", "true"], in: bare)

        let cache = try Repository.cloneBare(
            from: "file://\(bare)", into: fixture.path("cache.git"), credentials: .none)
        let tree = try cache.makeTree(base: nil, upserts: ["b": Array("2\n".utf8)])
        let rewrite = try cache.commit(
            tree: tree, parents: [], author: Self.bot, committer: Self.bot, message: "Rewrite")
        try cache.updateReference("refs/heads/rewrite", to: rewrite, expecting: nil, message: "x")
        try cache.push(
            remote: "origin", localReference: "refs/heads/rewrite", remoteReference: "refs/heads/main",
            expecting: ObjectID(hex: initial)!, credentials: .none)
        // The rule a real server enforces (see RemoteTests) was not applied: main was rewritten.
        #expect(try fixture.revision("main", in: bare) == rewrite.hex)
    }

    @Test func withoutACapLibgit2ReplaysAWrongToken14Times() throws {
        let fixture = try GitFixture()
        let upstream = try fixture.makeRepository("upstream")
        try fixture.commit(in: upstream, files: ["a": "1\n"], message: "Start")
        try fixture.git(["clone", "--quiet", "--bare", upstream, fixture.path("remotes/app.git")])
        let server = try GitHTTPServer.start(root: fixture.path("remotes"), user: "bot", password: "right")
        defer { server.stop() }
        var credentials = Credentials.token("wrong", user: "bot")
        credentials.maxAttempts = 25
        let error = try #require(throws: GitError.self) {
            try Repository.cloneBare(
                from: server.url(for: "app.git"), into: fixture.path("c.git"), credentials: credentials)
        }
        #expect(error.code == .authentication)
        // libgit2 asks again after every 401 and gives up on its own only after 15 round trips;
        // GitStore's default cap (2) stops after 3 requests (RemoteTests).
        #expect(error.message == "too many redirects or authentication replays")
        #expect(server.statistics.challenges == 1)
        #expect(server.statistics.rejectedCredentials == 14)
    }
}
