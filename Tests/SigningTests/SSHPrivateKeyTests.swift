import Foundation
import Signing
import TestSupport
import Testing

@Suite struct SSHPrivateKeyTests {
    @Test func aGeneratedKeyIsWrittenAsOpenSSHReadsIt() throws {
        let fixture = try GitFixture()
        let key = try SSHPrivateKey.generateEd25519(comment: "steward-demo")
        let path = fixture.path("id_ed25519")
        try fixture.write("old contents", to: "id_ed25519", permissions: 0o644)
        try key.write(to: path)

        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(key.publicKey.authorizedKeyLine.hasPrefix("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"))
        #expect(key.publicKey.authorizedKeyLine.hasSuffix(" steward-demo"))
        #expect(try ExternalTool.sshKeygen.run(["-y", "-f", path]) == key.publicKey.authorizedKeyLine)
        #expect(
            try ExternalTool.sshKeygen.run(["-l", "-f", path]).contains(
                " \(key.fingerprint) steward-demo (ED25519)"))

        let reloaded = try SSHPrivateKey(contentsOf: path)
        #expect(reloaded.publicKey == key.publicKey)
        let message = Array("payload\n".utf8)
        #expect(try SSHSignature.sign(message, key: reloaded) == SSHSignature.sign(message, key: key))
    }

    @Test func aKeyReadableByOthersIsRefusedWithTheFix() throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"))
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: reference.privateKeyPath)
        let error = try #require(throws: SigningError.self) {
            try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        }
        #expect(error == .keyFileTooOpen(path: reference.privateKeyPath, mode: 0o644))
        #expect(
            error.description
                == "private key \(reference.privateKeyPath) is readable by others (mode 0644); "
                + "ssh would refuse it too: run `chmod 600 \(reference.privateKeyPath)`")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o640], ofItemAtPath: reference.privateKeyPath)
        #expect(throws: SigningError.keyFileTooOpen(path: reference.privateKeyPath, mode: 0o640)) {
            try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        }
    }

    @Test func encryptedUnsupportedAndForeignFormatKeysGiveClearErrors() throws {
        let fixture = try GitFixture()
        let keys = fixture.path("keys")
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        try ExternalTool.sshKeygen.run(["-q", "-t", "ed25519", "-N", "passphrase", "-f", "\(keys)/encrypted"])
        try ExternalTool.sshKeygen.run(["-q", "-t", "ecdsa", "-b", "384", "-N", "", "-f", "\(keys)/p384"])
        try ExternalTool.sshKeygen.run([
            "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", "\(keys)/pem",
        ])

        #expect(throws: SigningError.encryptedKey(path: "\(keys)/encrypted", cipher: "aes256-ctr")) {
            try SSHPrivateKey(contentsOf: "\(keys)/encrypted")
        }
        #expect(throws: SigningError.unsupportedKeyType(path: "\(keys)/p384", type: "ecdsa-sha2-nistp384")) {
            try SSHPrivateKey(contentsOf: "\(keys)/p384")
        }
        let pem = try #require(throws: SigningError.self) { try SSHPrivateKey(contentsOf: "\(keys)/pem") }
        #expect(pem.description.contains("not in OpenSSH format"))
        #expect(throws: SigningError.self) { try SSHPrivateKey(contentsOf: "\(keys)/absent") }
    }

    /// Each bad key file on disk gets its exact error and is left as it was; the same files are
    /// refused during a real signed commit in `GitStoreTests/BadSigningKeyTests`, which checks that
    /// no object is written and no reference moves.
    @Test(arguments: BadKeyFile.allCases)
    func aCorruptKeyFileIsRefused(_ bad: BadKeyFile) throws {
        let directory = try TemporaryDirectory("steward-keys")
        let (path, message) = try bad.write(in: directory.url.path)
        let listing = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: SigningError.self) { try SSHPrivateKey(contentsOf: path) }
        #expect(error.description == message)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == listing)
    }
}
