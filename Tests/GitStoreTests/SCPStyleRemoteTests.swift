import Foundation
import GitStore
import TestSupport
import Testing

/// scp-style remotes (`user@host:path`) against a real sshd. Such a URL has no port, so the server
/// listens on port 22 of a loopback address of its own (`127.x.y.z`), which needs root.
@Suite struct SCPStyleRemoteTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_700_000))

    let fixture: GitFixture
    let client: SSHTestKey
    let server: SSHServer
    let bare: String
    let initial: String

    init() throws {
        fixture = try GitFixture()
        client = try SSHTestKey(in: fixture.path("client"))
        (_, bare, initial) = try fixture.makeServedRepository()
        let address = "127.\(Int.random(in: 1...254)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
        server = try SSHServer.start(
            in: fixture.path("sshd"), authorizedKeys: [client.publicKeyLine], address: address, port: 22)
    }

    func credentials(_ hostKey: Credentials.HostKeyCheck) -> Credentials {
        .sshKey(privateKeyPath: client.privateKeyPath, user: server.user, hostKey: hostKey)
    }

    @Test func clonesFetchesAndPushesThroughAnSCPStyleURL() throws {
        defer { server.stop() }
        let url = server.scpURL(forRepository: bare)
        #expect(url == "\(server.user)@\(server.address):\(bare)")
        let credentials = credentials(.pinnedSHA256(server.hostKeyFingerprint))
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"), credentials: credentials)
        #expect(try cache.resolve("origin/main").hex == initial)
        #expect(try fixture.git(["config", "remote.origin.url"], in: fixture.path("cache.git")) == url)

        let base = try cache.resolve("origin/main")
        let tree = try cache.makeTree(base: base, upserts: ["deploy/web.yaml": Array("memory: 2Gi\n".utf8)])
        let commit = try cache.commit(
            tree: tree, parents: [base], author: Self.bot, committer: Self.bot, message: "Raise")
        try cache.updateReference("refs/heads/steward/web", to: commit, expecting: nil, message: "bot")
        try cache.push(remote: "origin", branch: "steward/web", expecting: nil, credentials: credentials)
        #expect(try fixture.revision("steward/web", in: bare) == commit.hex)

        let fresh = try Repository(path: fixture.path("fresh.git"), bare: true)
        try fresh.addRemote("origin", url: url)
        try fresh.fetch(remote: "origin", credentials: credentials)
        #expect(try fresh.resolve("refs/remotes/origin/steward/web") == commit)
        let log = try String(contentsOfFile: fixture.path("sshd/sshd.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "Accepted publickey for \(server.user) ").count - 1 == 3)
    }

    /// Port 22 is implied, so known_hosts must list the bare host name, as ssh writes it; an entry
    /// for `[host]:2222` is another server.
    @Test func knownHostsIsReadForTheBareHostName() throws {
        defer { server.stop() }
        let url = server.scpURL(forRepository: bare)
        #expect(server.knownHostsLine.hasPrefix("\(server.address) ssh-ed25519 "))
        let knownHosts = try fixture.write("\(server.knownHostsLine)\n", to: "known_hosts")
        let cache = try Repository.cloneBare(
            from: url, into: fixture.path("cache.git"),
            credentials: credentials(.knownHosts(path: knownHosts)))
        #expect(try cache.resolve("origin/main").hex == initial)

        let otherPort = try fixture.write(
            "[\(server.address)]:2222 \(server.knownHostsLine.split(separator: " ").dropFirst().joined(separator: " "))\n",
            to: "known_hosts_2222")
        let target = fixture.path("refused.git")
        let error = try #require(throws: GitError.self) {
            try Repository.cloneBare(
                from: url, into: target, credentials: credentials(.knownHosts(path: otherPort)))
        }
        #expect(error.code == .certificate)
        #expect(error.subject == url)
        #expect(error.message == "the host key of \(server.address) is not listed in \(otherPort)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
