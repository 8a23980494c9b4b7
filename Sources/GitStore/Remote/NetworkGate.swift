internal import CLibGit2
import ClientSupport
import Foundation

/// Serialises network operations process-wide, because the trusted certificate authorities
/// are a global libgit2 setting (`GIT_OPT_SET_SSL_CERT_LOCATIONS`): each operation installs its
/// own CA file and keeps it until it finishes.
enum NetworkGate {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installedAuthorities: String?

    static func run<Result>(_ credentials: Credentials, url: String, _ body: () throws -> Result) throws
        -> Result
    {
        LibGit2.ensureInitialized()
        lock.lock()
        defer { lock.unlock() }
        let wanted = credentials.certificateAuthorityFile ?? Credentials.systemCertificateAuthorities
        if installedAuthorities != wanted, url.lowercased().hasPrefix("https://") {
            guard FileManager.default.isReadableFile(atPath: wanted) else {
                throw GitError(
                    code: .certificate, operation: "certificateAuthorityFile",
                    message: "cannot read the certificate authority file \(wanted)",
                    subject: Redactor.url(url))
            }
            try LibGit2.check("git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)", subject: wanted) {
                steward_git_set_ssl_cert_file(wanted)
            }
            installedAuthorities = wanted
        }
        return try body()
    }
}
