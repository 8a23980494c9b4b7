import GitStore

/// The GitOps repository: its URL, the branch pull requests go into, how to authenticate, and
/// where Steward keeps its bare copy between runs.
package struct RepositorySettings: Sendable {
    /// `https://…`, `ssh://…`, `user@host:path`, `file://…` or a local path.
    package var url: String
    /// The branch Steward reads and proposes changes to (`main`).
    package var baseBranch: String
    /// A file holding an HTTPS token (a mounted Secret), sent as the Basic-auth password.
    package var tokenFile: String?
    /// The Basic-auth user sent with the token: `x-access-token` (GitHub), `oauth2` (GitLab).
    package var tokenUser: String
    /// An OpenSSH private key for `ssh://` remotes.
    package var sshKeyFile: String?
    /// The known_hosts file that must list an SSH remote's host key.
    package var knownHostsFile: String?
    /// A PEM file of certificate authorities to trust for HTTPS instead of the system bundle.
    package var caFile: String?
    /// Where the bare copy of the repository is kept; a fresh temporary folder when nil.
    package var cacheDirectory: String?

    /// Describes a repository; only the URL is required.
    package init(
        url: String, baseBranch: String = "main", tokenFile: String? = nil,
        tokenUser: String = "x-access-token", sshKeyFile: String? = nil, knownHostsFile: String? = nil,
        caFile: String? = nil, cacheDirectory: String? = nil
    ) {
        self.url = url
        self.baseBranch = baseBranch
        self.tokenFile = tokenFile
        self.tokenUser = tokenUser
        self.sshKeyFile = sshKeyFile
        self.knownHostsFile = knownHostsFile
        self.caFile = caFile
        self.cacheDirectory = cacheDirectory
    }
}
