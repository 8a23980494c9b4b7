/// Where the demo keeps its files inside its work directory.
struct DemoPaths: Sendable {
    let directory: String

    /// The bare repository playing the GitOps repository's remote.
    var remote: String { "\(directory)/remote.git" }
    /// Steward's own copy of the repository, kept between runs.
    var cache: String { "\(directory)/cache.git" }
    /// The bot's private key.
    var key: String { "\(directory)/signing_key" }
    /// The bot's public key in git's allowed-signers format.
    var allowedSigners: String { "\(directory)/allowed_signers" }
}
