import Foundation
import GitStore
import Signing
import TestSupport
import Testing

/// Commits written by GitStore and signed by Steward's own SSHSIG signer, checked by stock git,
/// by ssh-keygen and by Steward's verifier.
@Suite struct SignedCommitTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_400_000))

    @Test(arguments: [SSHTestKey.KeyType.ed25519, .ecdsaP256, .rsa])
    func gitAndSSHKeygenAcceptTheSignatureAndRejectATamperedCommit(type: SSHTestKey.KeyType) throws {
        let fixture = try GitFixture()
        let reference = try SSHTestKey(in: fixture.path("keys"), type: type)
        let key = try SSHPrivateKey(contentsOf: reference.privateKeyPath)
        let repo = try fixture.makeRepository("app")
        let base = try ObjectID(
            hex: fixture.commit(in: repo, files: ["web.yaml": "memory: 1Gi\n"], message: "Start"))!

        let repository = try Repository.open(path: repo)
        let tree = try repository.makeTree(base: base, upserts: ["web.yaml": Array("memory: 2Gi\n".utf8)])
        let message = "Right-size web\n\nSteward-Finding: rightsize/prod/shop/Deployment/web/app\n"
        let commit = try repository.commit(
            tree: tree, parents: [base], author: Self.bot, committer: Self.bot, message: message,
            signer: { try SSHSignature.sign($0, namespace: "git", key: key) })
        try repository.updateReference(
            "refs/heads/steward/web", to: commit, expecting: nil, message: "steward")

        // git verify-commit with gpg.format=ssh.
        let git = try reference.verifyCommit("steward/web", in: repo)
        #expect(git.status == 0)
        #expect(git.stderr.contains("Good \"git\" signature for steward@example.com"))
        #expect(git.stderr.contains(key.fingerprint))

        // ssh-keygen -Y verify on the payload git extracts.
        let signature = try #require(try repository.signature(of: commit))
        #expect(try reference.verify(signature.armor, message: signature.signedData).status == 0)

        // Steward's verifier.
        let signers = try AllowedSigners(contentsOf: reference.allowedSignersPath)
        let verified = try SSHSignature.verify(
            armored: signature.armor, message: signature.signedData, allowedSigners: signers)
        #expect(verified.principals == ["steward@example.com"])

        // The same signature on a different message: all three reject it.
        let raw = try fixture.git(["cat-file", "commit", commit.hex], in: repo) + "\n"
        let forged = try fixture.git(
            ["hash-object", "-t", "commit", "-w", "--stdin"], in: repo,
            input: Array(raw.replacingOccurrences(of: "Right-size web", with: "Right-size db").utf8))
        #expect(forged != commit.hex)
        let gitRejects = try reference.verifyCommit(forged, in: repo)
        #expect(gitRejects.status != 0)
        let tampered = try #require(try repository.signature(of: ObjectID(hex: forged)!))
        #expect(tampered.armor == signature.armor)
        #expect(try reference.verify(tampered.armor, message: tampered.signedData).status != 0)
        #expect(throws: SigningError.self) {
            try SSHSignature.verify(
                armored: tampered.armor, message: tampered.signedData, allowedSigners: signers)
        }
    }
}
