import Foundation
import GitStore
import TestSupport
import Testing

/// Deleting a remote branch under a lease, against `git http-backend` on loopback.
@Suite struct RemoteDeleteTests {
    static let token = "s3cret-token-5678"

    @Test func deletesOnlyWhileTheBranchIsWhereTheLeaseSaysAndNamesWhereItIs() throws {
        let fixture = try GitFixture()
        let upstream = try fixture.makeRepository("upstream")
        let main = try fixture.commit(in: upstream, files: ["a.yaml": "a: 1\n"], message: "Start")
        try fixture.git(["branch", "steward/web"], in: upstream)
        let bare = fixture.path("remotes/app.git")
        try fixture.git(["clone", "--quiet", "--bare", upstream, bare])
        let server = try GitHTTPServer.start(
            root: fixture.path("remotes"), user: "x-access-token", password: Self.token)
        defer { server.stop() }
        let credentials = Credentials.token(Self.token)
        let cache = try Repository.cloneBare(
            from: server.url(for: "app.git"), into: fixture.path("cache.git"), credentials: credentials)

        // Someone moved the branch since the lease was taken: nothing is deleted.
        let moved = try fixture.git(
            ["commit-tree", "-p", main, "-m", "Human fix", "\(main)^{tree}"], in: bare)
        try fixture.git(["update-ref", "refs/heads/steward/web", moved], in: bare)
        let stale = try #require(throws: GitError.self) {
            try cache.deleteRemoteReference(
                remote: "origin", remoteReference: "refs/heads/steward/web", expecting: ObjectID(hex: main)!,
                credentials: credentials)
        }
        #expect(stale.code == .leaseMismatch)
        #expect(
            stale.message
                == "refs/heads/steward/web on the remote is at \(moved), not the expected \(main); nothing was pushed"
        )
        #expect(try fixture.revision("steward/web", in: bare) == moved)

        try cache.deleteRemoteReference(
            remote: "origin", remoteReference: "refs/heads/steward/web", expecting: ObjectID(hex: moved)!,
            credentials: credentials)
        #expect(try fixture.revision("steward/web", in: bare) == nil)
        #expect(try fixture.revision("main", in: bare) == main)
    }
}
