/// The key that signs bot commits, and the identity written as their author and committer.
package struct SigningSettings: Sendable, Equatable {
    /// An unencrypted OpenSSH private key (Ed25519 recommended), mode 0600; its public key goes
    /// into the repository's `policies/allowed_signers`.
    package var keyFile: String
    package var name: String
    package var email: String

    /// Describes the signer.
    package init(keyFile: String, name: String = "Steward", email: String = "steward@localhost") {
        self.keyFile = keyFile
        self.name = name
        self.email = email
    }
}
