import Foundation

/// How GitStore authenticates to a remote and decides whether to trust it.
///
/// - `https://`: a token sent as the Basic-auth password. The user name depends on the forge:
///   `x-access-token` for GitHub App installation tokens (and works for GitHub PATs), `oauth2`
///   for GitLab, anything the server accepts otherwise. Server certificates are checked against
///   the system bundle or `certificateAuthorityFile`; a failed check is an error, never ignored.
/// - `ssh://` and `user@host:path`: a private key file; the server's host key must match a
///   known_hosts file or a pinned SHA-256 fingerprint.
/// - `file://` and local paths: `.none`.
///
/// The description never shows the token.
public struct Credentials: Sendable, CustomStringConvertible {
    /// What to present when the remote asks who we are.
    public enum Method: Sendable {
        /// Present nothing: an authentication request is an error.
        case none
        /// HTTP Basic with `user` and the token as password.
        case token(user: String, token: String)
        /// SSH public-key authentication with an OpenSSH private key file (and optionally its
        /// `.pub`, which libssh2 otherwise derives).
        case sshKey(user: String, privateKeyPath: String, publicKeyPath: String?, passphrase: String?)
    }

    /// How an SSH server's host key is checked.
    public enum HostKeyCheck: Sendable, Equatable {
        /// The key must be listed for the host in this OpenSSH known_hosts file (plain or hashed
        /// host names, `[host]:port` for other ports; `@revoked` lines reject).
        case knownHosts(path: String)
        /// The key's fingerprint must equal this `SHA256:<base64>` (as `ssh-keygen -l` prints).
        case pinnedSHA256(String)
    }

    /// The system's CA bundle, which Debian's libgit2 (mbedTLS) trusts by default.
    public static let systemCertificateAuthorities = "/etc/ssl/certs/ca-certificates.crt"

    /// What to present.
    public var method: Method
    /// How to check SSH host keys (ignored for other transports).
    public var hostKey: HostKeyCheck
    /// A PEM file of the certificate authorities to trust for HTTPS instead of the system bundle.
    public var certificateAuthorityFile: String?
    /// How many times to answer a credentials request in one operation. A wrong token makes
    /// libgit2 ask again and again; past this cap the operation fails with `.authentication`.
    public var maxAttempts: Int

    /// Makes credentials; see the static constructors for the common cases.
    public init(
        method: Method, hostKey: HostKeyCheck = .knownHosts(path: Credentials.defaultKnownHosts),
        certificateAuthorityFile: String? = nil, maxAttempts: Int = 2
    ) {
        self.method = method
        self.hostKey = hostKey
        self.certificateAuthorityFile = certificateAuthorityFile
        self.maxAttempts = maxAttempts
    }

    /// No credentials: for `file://` remotes and public repositories.
    public static let none = Credentials(method: .none)

    /// A token for an `https://` remote, sent with `user` (default `x-access-token`, which
    /// GitHub App tokens require).
    public static func token(
        _ token: String, user: String = "x-access-token", certificateAuthorityFile: String? = nil
    ) -> Credentials {
        Credentials(
            method: .token(user: user, token: token), certificateAuthorityFile: certificateAuthorityFile)
    }

    /// A GitLab token (project, group or personal access token), sent with user `oauth2`.
    public static func gitLab(token: String, certificateAuthorityFile: String? = nil) -> Credentials {
        .token(token, user: "oauth2", certificateAuthorityFile: certificateAuthorityFile)
    }

    /// An SSH key for `ssh://` and scp-style remotes.
    public static func sshKey(
        privateKeyPath: String, publicKeyPath: String? = nil, user: String = "git", passphrase: String? = nil,
        hostKey: HostKeyCheck = .knownHosts(path: Credentials.defaultKnownHosts)
    ) -> Credentials {
        Credentials(
            method: .sshKey(
                user: user, privateKeyPath: privateKeyPath, publicKeyPath: publicKeyPath,
                passphrase: passphrase),
            hostKey: hostKey)
    }

    /// `~/.ssh/known_hosts` of the current user.
    public static var defaultKnownHosts: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.ssh/known_hosts"
    }

    public var description: String {
        switch method {
        case .none: return "no credentials"
        case .token(let user, _): return "token for user \(user) (redacted)"
        case .sshKey(let user, let privateKeyPath, _, _): return "SSH key \(privateKeyPath) for user \(user)"
        }
    }
}
