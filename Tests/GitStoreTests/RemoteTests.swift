import ClientSupport
import Foundation
import GitStore
import TestSupport
import Testing

/// Fetch and push against `git http-backend` behind Basic auth on loopback.
@Suite struct RemoteTests {
    static let token = "s3cret-token-1234"
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_300_000))

    let fixture: GitFixture
    let upstream: String
    let bare: String
    let server: GitHTTPServer
    let url: String
    let initial: String

    init() throws {
        fixture = try GitFixture()
        (upstream, bare, initial) = try fixture.makeServedRepository()
        server = try GitHTTPServer.start(
            root: fixture.path("remotes"), user: "x-access-token", password: Self.token)
        url = server.url(for: "app.git")
    }

    /// A bot commit on `branch` in `repository`, on top of `parent`.
    func botCommit(_ repository: Repository, on parent: String, content: String) throws -> ObjectID {
        let base = try repository.resolve(parent)
        let tree = try repository.makeTree(base: base, upserts: ["deploy/web.yaml": Array(content.utf8)])
        return try repository.commit(
            tree: tree, parents: [base], author: Self.bot, committer: Self.bot, message: "Bot: \(content)")
    }

    @Test func clonesAndFetchesWithAToken() throws {
        defer { server.stop() }
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: .token(Self.token))
        #expect(cache.isBare)
        #expect(try cache.resolve("origin/main").hex == initial)
        #expect(try cache.blob(at: "origin/main", path: "deploy/web.yaml") == Array("memory: 1Gi\n".utf8))

        try fixture.git(["remote", "add", "origin", bare], in: upstream)
        let next = try fixture.commit(
            in: upstream, files: ["deploy/web.yaml": "memory: 2Gi\n"], message: "Raise")
        try fixture.git(["push", "--quiet", "origin", "main"], in: upstream)
        try cache.fetch(remote: "origin", credentials: .token(Self.token))
        #expect(try cache.resolve("origin/main").hex == next)
        #expect(
            try cache.remoteReferences(remote: "origin", credentials: .token(Self.token)) == [
                "refs/heads/main": ObjectID(hex: next)!
            ])

        // A fresh repository with a remote added by name fetches the same.
        let fresh = try Repository(path: fixture.path("fresh.git"), bare: true)
        try fresh.addRemote("origin", url: url)
        try fresh.fetch(remote: "origin", credentials: .token(Self.token))
        #expect(try fresh.resolve("refs/remotes/origin/main").hex == next)
    }

    @Test func aWrongTokenFailsFastWithoutNamingTheToken() throws {
        defer { server.stop() }
        let target = fixture.path("cache.git")
        let error = try #require(throws: GitError.self) {
            try Repository.cloneBare(from: url, into: target, credentials: .token("wrong-token-9876"))
        }
        #expect(error.code == .authentication)
        #expect(error.subject == url)
        #expect(error.description.contains(url))
        #expect(!error.description.contains("wrong-token-9876"))
        #expect(server.statistics.rejectedCredentials == 2)
        #expect(!FileManager.default.fileExists(atPath: target))

        // A token embedded in the URL is redacted from the error too.
        let embedded = url.replacingOccurrences(
            of: "http://", with: "http://x-access-token:wrong-token-9876@")
        let second = try #require(throws: GitError.self) {
            try Repository.cloneBare(from: embedded, into: target, credentials: .token("wrong-token-9876"))
        }
        #expect(second.code == .authentication)
        #expect(!second.description.contains("wrong-token-9876"))
        #expect(second.subject == url.replacingOccurrences(of: "http://", with: "http://<redacted>@"))
    }

    @Test func aFetchLentToAThreadOfItsOwnReachesTheRemote() async throws {
        defer { server.stop() }
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: .token(Self.token))
        try fixture.git(["remote", "add", "origin", bare], in: upstream)
        let next = try fixture.commit(
            in: upstream, files: ["deploy/web.yaml": "memory: 2Gi\n"], message: "Raise")
        try fixture.git(["push", "--quiet", "origin", "main"], in: upstream)

        let advertised = try await offCooperativePool(lending: cache) {
            try $0.remoteReferences(remote: "origin", credentials: .token(Self.token))
        }
        #expect(advertised == ["refs/heads/main": try #require(ObjectID(hex: next))])
        try await offCooperativePool(lending: cache) {
            try $0.fetch(remote: "origin", credentials: .token(Self.token))
        }
        #expect(try cache.resolve("origin/main").hex == next)
        await #expect(throws: GitError.self) {
            try await offCooperativePool(lending: cache) {
                try $0.fetch(remote: "origin", credentials: .token("wrong-token-9876"))
            }
        }
    }

    @Test func pushWithTheRightLeaseSucceedsAndAStaleLeaseChangesNothing() throws {
        defer { server.stop() }
        let credentials = Credentials.token(Self.token)
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: credentials)
        let first = try botCommit(cache, on: "origin/main", content: "memory: 3Gi\n")
        try cache.updateReference("refs/heads/steward/web", to: first, expecting: nil, message: "bot")
        try cache.push(remote: "origin", branch: "steward/web", expecting: nil, credentials: credentials)
        #expect(try fixture.revision("steward/web", in: bare) == first.hex)

        let second = try botCommit(cache, on: first.hex, content: "memory: 4Gi\n")
        try cache.updateReference("refs/heads/steward/web", to: second, expecting: first, message: "bot")
        try cache.push(remote: "origin", branch: "steward/web", expecting: first, credentials: credentials)
        #expect(try fixture.revision("steward/web", in: bare) == second.hex)

        // A human pushes to the bot branch; the bot's lease (second) is now stale.
        let human = try fixture.git(
            ["commit-tree", "-p", second.hex, "-m", "Human fix", "\(second.hex)^{tree}"], in: bare)
        try fixture.git(["update-ref", "refs/heads/steward/web", human], in: bare)
        let third = try botCommit(cache, on: second.hex, content: "memory: 5Gi\n")
        try cache.updateReference("refs/heads/steward/web", to: third, expecting: second, message: "bot")
        let error = try #require(throws: GitError.self) {
            try cache.push(
                remote: "origin", branch: "steward/web", expecting: second, credentials: credentials)
        }
        #expect(error.code == .leaseMismatch)
        #expect(
            error.message
                == "refs/heads/steward/web on the remote is at \(human), not the expected \(second.hex); nothing was pushed"
        )
        #expect(try fixture.revision("steward/web", in: bare) == human)
        #expect(try fixture.revision(third.hex, in: bare) == nil)

        // Expecting absence while the branch exists is stale too.
        let absent = try #require(throws: GitError.self) {
            try cache.push(remote: "origin", branch: "steward/web", expecting: nil, credentials: credentials)
        }
        #expect(absent.code == .leaseMismatch)
        #expect(try fixture.revision("steward/web", in: bare) == human)
    }

    @Test func aNonFastForwardTheServerRefusesIsAnError() throws {
        defer { server.stop() }
        try fixture.git(["config", "receive.denyNonFastForwards", "true"], in: bare)
        let credentials = Credentials.token(Self.token)
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: credentials)
        // A root commit replacing main: not a fast-forward of the remote's main.
        let tree = try cache.makeTree(base: nil, upserts: ["x": Array("rewrite\n".utf8)])
        let rewrite = try cache.commit(
            tree: tree, parents: [], author: Self.bot, committer: Self.bot, message: "Rewrite")
        try cache.updateReference("refs/heads/rewrite", to: rewrite, expecting: nil, message: "bot")
        let error = try #require(throws: GitError.self) {
            try cache.push(
                remote: url, localReference: "refs/heads/rewrite", remoteReference: "refs/heads/main",
                expecting: ObjectID(hex: initial)!, credentials: credentials)
        }
        #expect(error.code == .pushRejected)
        #expect(error.message == "the remote refused the update (refs/heads/main: non-fast-forward)")
        #expect(error.subject == url)
        #expect(try fixture.revision("main", in: bare) == initial)
    }

    @Test func notesTravelWithTheirOwnReference() throws {
        defer { server.stop() }
        let credentials = Credentials.token(Self.token)
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: credentials)
        try cache.addNote("evidence: 1\n", to: ObjectID(hex: initial)!, author: Self.bot, committer: Self.bot)
        let notes = try #require(try cache.reference(Repository.stewardNotesReference))
        try cache.push(
            remote: "origin", localReference: Repository.stewardNotesReference,
            remoteReference: Repository.stewardNotesReference, expecting: nil, credentials: credentials)
        #expect(try fixture.git(["notes", "--ref=steward", "show", initial], in: bare) == "evidence: 1")

        let other = try Repository.cloneBare(
            from: url, into: fixture.path("other.git"), credentials: credentials)
        #expect(try other.note(on: ObjectID(hex: initial)!) == nil)
        try other.fetch(
            remote: "origin",
            refspecs: ["\(Repository.stewardNotesReference):\(Repository.stewardNotesReference)"],
            credentials: credentials)
        #expect(try other.reference(Repository.stewardNotesReference) == notes)
        #expect(try other.note(on: ObjectID(hex: initial)!) == "evidence: 1\n")
    }

    @Test func aMissingLocalBranchIsNotPushed() throws {
        defer { server.stop() }
        let credentials = Credentials.token(Self.token)
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: credentials)
        let error = try #require(throws: GitError.self) {
            try cache.push(remote: "origin", branch: "steward/none", expecting: nil, credentials: credentials)
        }
        #expect(error.code == .notFound)
        #expect(try fixture.git(["for-each-ref", "--format=%(refname)"], in: bare) == "refs/heads/main")
    }

    @Test func theServerPassesGzipBodiesToHTTPBackend() throws {
        defer { server.stop() }
        // Enough branches that git's fetch request exceeds 1 KiB, which git sends gzipped.
        for index in 0..<40 { try fixture.git(["branch", "b\(index)", initial], in: bare) }
        let clone = fixture.path("cli-clone")
        let authenticated = url.replacingOccurrences(
            of: "http://", with: "http://x-access-token:\(Self.token)@")
        try fixture.git(["clone", "--quiet", "--mirror", authenticated, clone])
        #expect(server.statistics.gzipBodies >= 1)
        #expect(
            try fixture.git(["for-each-ref", "--count=2", "--format=%(refname)", "refs/heads/"], in: clone)
                == "refs/heads/b0\nrefs/heads/b1")
    }
}
