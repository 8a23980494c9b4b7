import Foundation
import GitStore
import Signing
import StewardPlanner
import StewardVerify

/// Who Steward is on a branch: the key that signs its commits, the name on them, and the test
/// that tells its commits from anyone else's (signed by this key and carrying the bot trailers).
package struct BotIdentity: Sendable {
    let key: SSHPrivateKey
    let name: String
    let email: String
    /// An allowed-signers list holding only this key, as `git verify-commit` would be given.
    let signers: AllowedSigners

    package init(key: SSHPrivateKey, name: String, email: String) throws {
        self.key = key
        self.name = name
        self.email = email
        signers = try AllowedSigners(
            parsing: Self.allowedSignersLine(email: email, key: key.publicKey), path: "the signing key")
    }

    /// Loads the key of `settings`.
    /// - Throws: ``StewardError`` naming the file and what is wrong with it.
    package init(_ settings: SigningSettings) throws(StewardError) {
        do {
            try self.init(
                key: try SSHPrivateKey(contentsOf: settings.keyFile), name: settings.name,
                email: settings.email)
        } catch {
            throw StewardError(error, context: "signing.keyFile \(settings.keyFile)")
        }
    }

    /// `email namespaces="git" ssh-ed25519 AAAA…`, the line for `policies/allowed_signers`.
    package static func allowedSignersLine(email: String, key: SSHPublicKey) -> String {
        var key = key
        key.comment = ""
        return "\(email) namespaces=\"git\" \(key.authorizedKeyLine)\n"
    }

    /// The author and committer of a commit made at `date`.
    func person(at date: Date) -> GitPerson {
        GitPerson(name: name, email: email, date: date)
    }

    /// Signs a commit's bytes as `git commit -S` with `gpg.format=ssh` does.
    var signer: CommitSigner {
        { [key] payload in try SSHSignature.sign(payload, namespace: "git", key: key) }
    }

    /// Whether `commit` is Steward's: signed by this key and carrying the bot trailers. Anything
    /// else on a bot branch is a person's work, which Steward never overwrites.
    func made(_ commit: CommitInfo, in repository: Repository) -> Bool {
        guard (try? BotCommitMessage(parsing: commit.message)) != nil,
            let signature = try? repository.signature(of: commit.id)
        else { return false }
        let verified = try? SSHSignature.verify(
            armored: signature.armor, message: signature.signedData, namespace: "git",
            allowedSigners: signers,
            at: commit.committer.date)
        return verified != nil
    }
}
