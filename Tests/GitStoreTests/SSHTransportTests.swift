import Foundation
import GitStore
import TestSupport
import Testing

/// Fetch and push over `ssh://` against a real sshd on loopback.
@Suite struct SSHTransportTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_500_000))

    let fixture: GitFixture
    let client: SSHTestKey
    let server: SSHServer
    let bare: String
    let initial: String

    init() throws {
        fixture = try GitFixture()
        client = try SSHTestKey(in: fixture.path("client"))
        (_, bare, initial) = try fixture.makeServedRepository()
        server = try SSHServer.start(in: fixture.path("sshd"), authorizedKeys: [client.publicKeyLine])
    }

    func credentials(_ hostKey: Credentials.HostKeyCheck, key: String? = nil) -> Credentials {
        .sshKey(privateKeyPath: key ?? client.privateKeyPath, user: server.user, hostKey: hostKey)
    }

    @Test func clonesAndPushesWithAPinnedHostKey() throws {
        defer { server.stop() }
        let credentials = credentials(.pinnedSHA256(server.hostKeyFingerprint))
        let cache = try Repository.cloneBare(
            from: server.url(forRepository: bare), into: fixture.path("cache.git"), credentials: credentials)
        #expect(try cache.resolve("origin/main").hex == initial)

        let base = try cache.resolve("origin/main")
        let tree = try cache.makeTree(base: base, upserts: ["deploy/web.yaml": Array("memory: 2Gi\n".utf8)])
        let commit = try cache.commit(
            tree: tree, parents: [base], author: Self.bot, committer: Self.bot, message: "Raise")
        try cache.updateReference("refs/heads/steward/web", to: commit, expecting: nil, message: "bot")
        try cache.push(remote: "origin", branch: "steward/web", expecting: nil, credentials: credentials)
        #expect(try fixture.revision("steward/web", in: bare) == commit.hex)
    }

    @Test func aKnownHostsFileIsHonoured() throws {
        defer { server.stop() }
        let knownHosts = try fixture.write("# test\n\(server.knownHostsLine)\n", to: "known_hosts")
        let cache = try Repository.cloneBare(
            from: server.url(forRepository: bare), into: fixture.path("cache.git"),
            credentials: credentials(.knownHosts(path: knownHosts)))
        #expect(try cache.resolve("origin/main").hex == initial)

        // Hashed host names (ssh-keygen -H) match too.
        try ExternalTool.sshKeygen.run(["-H", "-f", knownHosts])
        #expect(try String(contentsOfFile: knownHosts, encoding: .utf8).contains("|1|"))
        try cache.fetch(remote: "origin", credentials: credentials(.knownHosts(path: knownHosts)))
    }

    @Test func anUnknownOrWrongHostKeyIsRefusedAndNothingIsWritten() throws {
        defer { server.stop() }
        let target = fixture.path("cache.git")
        let other = try fixture.write(
            "[127.0.0.1]:\(server.port) \(client.publicKeyLine)\n", to: "known_hosts")
        let cases: [Credentials.HostKeyCheck] = [
            .pinnedSHA256("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), .knownHosts(path: other),
            .knownHosts(path: fixture.path("absent_known_hosts")),
        ]
        for hostKey in cases {
            let error = try #require(throws: GitError.self) {
                try Repository.cloneBare(
                    from: server.url(forRepository: bare), into: target, credentials: credentials(hostKey))
            }
            #expect(error.code == .certificate)
            #expect(error.subject == server.url(forRepository: bare))
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test func aKeyTheServerDoesNotKnowFailsFast() throws {
        defer { server.stop() }
        let stranger = try SSHTestKey(in: fixture.path("stranger"))
        let error = try #require(throws: GitError.self) {
            try Repository.cloneBare(
                from: server.url(forRepository: bare), into: fixture.path("cache.git"),
                credentials: credentials(
                    .pinnedSHA256(server.hostKeyFingerprint), key: stranger.privateKeyPath))
        }
        #expect(error.code == .authentication)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("cache.git")))
    }
}
