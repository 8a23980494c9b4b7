import Foundation
import Signing
import TestSupport
import Testing

@Suite struct SSHSignatureTests {
    static let message = Array(
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.com> 1 +0000\n\nhello\n".utf8)

    @Test(arguments: [SSHTestKey.KeyType.ed25519, .ecdsaP256, .rsa])
    func keysFromSSHKeygenLoadWithTheSamePublicKeyAndFingerprint(type: SSHTestKey.KeyType) throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"), type: type)
        let key = try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        #expect(key.publicKey.authorizedKeyLine == reference.publicKeyLine)
        #expect(key.fingerprint == reference.fingerprint)
    }

    @Test(arguments: [SSHTestKey.KeyType.ed25519, .ecdsaP256, .rsa])
    func signaturesVerifyWithSSHKeygenAndTamperingIsCaught(type: SSHTestKey.KeyType) throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"), type: type)
        let key = try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        let armor = try SSHSignature.sign(Self.message, namespace: "git", key: key)

        let good = try reference.verify(armor, message: Self.message)
        #expect(good.status == 0)
        #expect(good.text.hasPrefix("Good \"git\" signature for steward@example.com with "))
        var tampered = Self.message
        tampered[tampered.count - 2] ^= 0x01
        #expect(try reference.verify(armor, message: tampered).status != 0)

        let signers = try AllowedSigners(contentsOf: reference.allowedSignersPath)
        let verified = try SSHSignature.verify(armored: armor, message: Self.message, allowedSigners: signers)
        #expect(verified.principals == ["steward@example.com"])
        #expect(verified.publicKey.fingerprint == reference.fingerprint)
        let error = #expect(throws: SigningError.self) {
            try SSHSignature.verify(armored: armor, message: tampered, allowedSigners: signers)
        }
        #expect(error?.description.hasPrefix("signature verification failed: ") == true)
    }

    @Test func anEd25519SignatureIsByteForByteWhatSSHKeygenWrites() throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"))
        let key = try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        // Ed25519 signatures are deterministic, so the whole armor must match.
        #expect(try SSHSignature.sign(Self.message, key: key) == reference.sign(Self.message) + "\n")
        let lines = try SSHSignature.sign(Self.message, key: key).split(separator: "\n")
        #expect(lines.first == "-----BEGIN SSH SIGNATURE-----")
        #expect(lines.dropFirst().dropLast().dropLast().allSatisfy { $0.count == 70 })
    }

    @Test(arguments: [SSHTestKey.KeyType.ed25519, .ecdsaP256, .rsa])
    func signaturesMadeBySSHKeygenVerify(type: SSHTestKey.KeyType) throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"), type: type, principal: "bot@example.com")
        let armor = try reference.sign(Self.message)
        let signers = try AllowedSigners(contentsOf: reference.allowedSignersPath)
        let verified = try SSHSignature.verify(armored: armor, message: Self.message, allowedSigners: signers)
        #expect(verified.principals == ["bot@example.com"])
    }

    @Test func theNamespaceAndTheAllowedSignersAreEnforced() throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"))
        let key = try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        let other = try SSHPrivateKey.generateEd25519(comment: "stranger")
        let signers = try AllowedSigners(contentsOf: reference.allowedSignersPath)

        let fileSignature = try SSHSignature.sign(Self.message, namespace: "file", key: key)
        #expect(throws: SigningError.namespaceMismatch(expected: "git", found: "file")) {
            try SSHSignature.verify(armored: fileSignature, message: Self.message, allowedSigners: signers)
        }
        let strangerSignature = try SSHSignature.sign(Self.message, key: other)
        #expect(
            throws: SigningError.signerNotAllowed(
                fingerprint: other.fingerprint, namespace: "git", path: reference.allowedSignersPath)
        ) {
            try SSHSignature.verify(
                armored: strangerSignature, message: Self.message, allowedSigners: signers)
        }
        // A key allowed for another namespace only is not allowed for git.
        let fileOnly = try AllowedSigners(
            parsing: "ops@example.com namespaces=\"file\" \(key.publicKey.authorizedKeyLine)\n",
            path: "signers")
        #expect(throws: SigningError.self) {
            try SSHSignature.verify(
                armored: try SSHSignature.sign(Self.message, key: key), message: Self.message,
                allowedSigners: fileOnly)
        }
        #expect(throws: SigningError.self) {
            try SSHSignature.verify(
                armored: "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n", message: [],
                allowedSigners: signers)
        }
    }
}
