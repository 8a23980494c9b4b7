internal import CLibGit2
import ClientSupport
import Foundation

/// The state of one network operation, reached from libgit2's C callbacks through their
/// `void *payload`: the credentials and how often they were asked for, the host-key policy,
/// the push lease, and what went wrong.
final class RemoteSession {
    /// The remote URL with its credentials redacted, safe for messages.
    let url: String
    let credentials: Credentials
    /// The SSH port, for matching known_hosts entries.
    private let port: Int
    /// Expected old ids of remote references, by full name; `ObjectID.zero` means absent.
    var leases: [String: ObjectID] = [:]

    private(set) var attempts = 0
    private(set) var failure: GitError?
    /// References the server refused to update, with its reason.
    private(set) var rejected: [(reference: String, reason: String)] = []

    init(url: String, credentials: Credentials) {
        self.url = Redactor.url(url)
        self.port = Self.port(of: url)
        self.credentials = credentials
    }

    /// Fills `callbacks` so that libgit2 calls back into this session.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, usernameFromURL, allowed, payload in
            RemoteSession.from(payload)?.credential(out, usernameFromURL, allowed) ?? -1
        }
        callbacks.certificate_check = { certificate, valid, host, payload in
            RemoteSession.from(payload)?.check(
                certificate, valid: valid != 0, host: host.map { String(cString: $0) } ?? "") ?? -1
        }
        callbacks.push_negotiation = { updates, count, payload in
            RemoteSession.from(payload)?.negotiate(updates, count) ?? -1
        }
        callbacks.push_update_reference = { reference, status, payload in
            if let status, let reference {
                RemoteSession.from(payload)?.rejected.append(
                    (String(cString: reference), String(cString: status)))
            }
            return 0
        }
    }

    /// The error to report for a libgit2 failure of `function`: the session's own diagnosis
    /// (authentication, host key, lease) when it has one, otherwise libgit2's.
    func error(_ function: String, code: Int32) -> GitError {
        if let failure { return failure }
        let error = LibGit2.error(function, code: code, subject: url)
        // libgit2 reports some authentication failures (e.g. a 401 without a challenge it can
        // answer) only by message.
        if error.message.contains("authentication") || error.message.contains("401") {
            return GitError(
                code: .authentication, operation: function, message: error.message, subject: url,
                errorClass: error.errorClass)
        }
        return error
    }

    /// The session `install(into:)` stored as the callbacks' payload; `nil` only if libgit2
    /// called back without it, which the callbacks report as an error (-1) rather than trap.
    private static func from(_ payload: UnsafeMutableRawPointer?) -> RemoteSession? {
        guard let payload else { return nil }
        return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
    }

    private func fail(_ code: GitError.Code, _ operation: String, _ message: String) -> Int32 {
        failure = GitError(code: code, operation: operation, message: message, subject: url)
        git_error_set_str(Int32(GIT_ERROR_CALLBACK.rawValue), message)
        return code == .certificate ? GIT_ECERTIFICATE.rawValue : GIT_EAUTH.rawValue
    }

    private func credential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?,
        _ usernameFromURL: UnsafePointer<CChar>?,
        _ allowed: UInt32
    ) -> Int32 {
        attempts += 1
        if attempts > credentials.maxAttempts {
            return fail(
                .authentication, "credentials",
                "authentication failed: the remote refused the credentials (\(credentials)) "
                    + "\(credentials.maxAttempts) time(s)")
        }
        let fromURL = usernameFromURL.map { String(cString: $0) }
        switch credentials.method {
        case .none:
            return fail(
                .authentication, "credentials", "the remote asks for credentials but none are configured")
        case .token(let user, let token):
            guard allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else {
                return fail(
                    .authentication, "credentials", "the remote does not accept a token (user/password)")
            }
            return git_credential_userpass_plaintext_new(out, user, token)
        case .sshKey(let user, let privateKeyPath, let publicKeyPath, let passphrase):
            let name = fromURL ?? user
            if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
                return git_credential_ssh_key_new(out, name, publicKeyPath, privateKeyPath, passphrase)
            }
            if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
                return git_credential_username_new(out, name)
            }
            return fail(.authentication, "credentials", "the remote does not accept SSH key authentication")
        }
    }

    private func check(_ certificate: UnsafeMutablePointer<git_cert>?, valid: Bool, host: String) -> Int32 {
        guard let certificate else {
            return fail(.certificate, "certificate_check", "no certificate presented")
        }
        switch certificate.pointee.cert_type {
        case GIT_CERT_X509:
            if valid { return 0 }
            let authorities = credentials.certificateAuthorityFile ?? Credentials.systemCertificateAuthorities
            return fail(
                .certificate, "certificate_check",
                "the TLS certificate of \(host) is not trusted by the certificate authorities in \(authorities)"
            )
        case GIT_CERT_HOSTKEY_LIBSSH2:
            return certificate.withMemoryRebound(to: git_cert_hostkey.self, capacity: 1) {
                checkHostKey($0.pointee, host: host)
            }
        default:
            return fail(.certificate, "certificate_check", "unsupported certificate type from \(host)")
        }
    }

    private func checkHostKey(_ key: git_cert_hostkey, host: String) -> Int32 {
        switch credentials.hostKey {
        case .pinnedSHA256(let pinned):
            guard key.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 else {
                return fail(.certificate, "certificate_check", "no SHA-256 host key fingerprint from \(host)")
            }
            let digest = withUnsafeBytes(of: key.hash_sha256) { Data($0) }
            var encoded = digest.base64EncodedString()
            while encoded.hasSuffix("=") { encoded.removeLast() }
            if "SHA256:\(encoded)" == pinned { return 0 }
            return fail(
                .certificate, "certificate_check",
                "the host key of \(host) is SHA256:\(encoded), not the pinned \(pinned)")
        case .knownHosts(let path):
            guard key.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = key.hostkey else {
                return fail(.certificate, "certificate_check", "no raw host key from \(host)")
            }
            let bytes = [UInt8](UnsafeRawBufferPointer(start: raw, count: key.hostkey_len))
            do {
                if try KnownHosts(path: path).trusts(bytes, host: host, port: port) { return 0 }
                return fail(
                    .certificate, "certificate_check", "the host key of \(host) is not listed in \(path)")
            } catch {
                return fail(
                    .certificate, "certificate_check", "cannot read known_hosts file \(path): \(error)")
            }
        }
    }

    /// The port of an `ssh://` URL (22 by default, and for scp-style `host:path`). Read from the
    /// URL as given, since the redacted one is no longer a URL when a password was replaced.
    private static func port(of url: String) -> Int {
        guard url.hasPrefix("ssh://"), let components = URLComponents(string: url) else { return 22 }
        return components.port ?? 22
    }

    private func negotiate(_ updates: UnsafeMutablePointer<UnsafePointer<git_push_update>?>?, _ count: Int)
        -> Int32
    {
        for index in 0..<count {
            guard let update = updates?[index]?.pointee, let name = update.dst_refname else { continue }
            let reference = String(cString: name)
            guard let expected = leases[reference] else { continue }
            let actual = ObjectID(update.src)
            if actual != expected {
                failure = GitError(
                    code: .leaseMismatch, operation: "push",
                    message:
                        "\(reference) on the remote is at \(actual == .zero ? "nothing (absent)" : actual.hex), "
                        + "not the expected \(expected == .zero ? "nothing (absent)" : expected.hex); nothing was pushed",
                    subject: url)
                git_error_set_str(Int32(GIT_ERROR_CALLBACK.rawValue), "push lease does not match")
                return -1
            }
        }
        return 0
    }
}
