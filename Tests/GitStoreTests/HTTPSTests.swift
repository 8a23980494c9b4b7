import Foundation
import GitStore
import TestSupport
import Testing

/// HTTPS through stunnel: certificates are checked against the system bundle or a given CA file,
/// never skipped.
@Suite struct HTTPSTests {
    static let token = "tls-token-5678"

    @Test func aCustomCertificateAuthorityIsTrustedOnlyWhenGiven() throws {
        let fixture = try GitFixture()
        let upstream = try fixture.makeRepository("upstream")
        let initial = try fixture.commit(in: upstream, files: ["a": "1\n"], message: "Start")
        try fixture.git(["clone", "--quiet", "--bare", upstream, fixture.path("remotes/app.git")])
        let server = try GitHTTPServer.start(
            root: fixture.path("remotes"), user: "x-access-token", password: Self.token)
        defer { server.stop() }
        let tunnel = try TLSTunnel.start(in: fixture.path("tls"), forwardingTo: server.port)
        defer { tunnel.stop() }
        let url = tunnel.url(for: "app.git")

        // The system bundle does not know the test CA: a certificate error, nothing cloned.
        let untrusted = try #require(throws: GitError.self) {
            try Repository.cloneBare(from: url, into: fixture.path("a.git"), credentials: .token(Self.token))
        }
        #expect(untrusted.code == .certificate)
        #expect(
            untrusted.message
                == "the TLS certificate of localhost is not trusted by the certificate authorities in "
                + Credentials.systemCertificateAuthorities)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("a.git")))

        let trusted = try Repository.cloneBare(
            from: url, into: fixture.path("b.git"),
            credentials: .token(Self.token, certificateAuthorityFile: tunnel.certificateAuthorityFile))
        #expect(try trusted.resolve("origin/main").hex == initial)

        // Back to the system bundle for the next operation: the test CA is not trusted anymore.
        let again = try #require(throws: GitError.self) {
            try trusted.fetch(remote: "origin", credentials: .token(Self.token))
        }
        #expect(again.code == .certificate)

        let missing = try #require(throws: GitError.self) {
            try trusted.fetch(
                remote: "origin",
                credentials: .token(Self.token, certificateAuthorityFile: fixture.path("none.pem")))
        }
        #expect(missing.code == .certificate)
        #expect(missing.message == "cannot read the certificate authority file \(fixture.path("none.pem"))")
    }
}
