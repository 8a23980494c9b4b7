/// Why a key, a signature or an allowed-signers file could not be used.
///
/// Every case names the file (and line) or the check that failed, and says how to fix it where
/// there is a fix.
public enum SigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The private key file is readable by group or others (`mode` is its permission bits).
    case keyFileTooOpen(path: String, mode: UInt16)
    /// The key file cannot be read.
    case unreadableKeyFile(path: String, reason: String)
    /// The key file is not a well-formed `openssh-key-v1` key.
    case malformedKey(path: String, reason: String)
    /// The key is protected by a passphrase, which Steward does not prompt for.
    case encryptedKey(path: String, cipher: String)
    /// The key's type is not one Steward signs with.
    case unsupportedKeyType(path: String, type: String)
    /// The armored signature cannot be decoded.
    case malformedSignature(reason: String)
    /// The signature was made for another namespace.
    case namespaceMismatch(expected: String, found: String)
    /// The signature does not match the message and key.
    case invalidSignature(reason: String)
    /// No allowed-signers entry holds the signing key for this namespace.
    case signerNotAllowed(fingerprint: String, namespace: String, path: String)
    /// A line of an allowed-signers file cannot be parsed.
    case malformedAllowedSigners(path: String, line: Int, reason: String)
    /// A libcrypto call failed.
    case crypto(function: String, message: String)
    /// Writing a key file failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .keyFileTooOpen(let path, let mode):
            let octal = String(mode, radix: 8)
            return "private key \(path) is readable by others (mode 0\(octal)); "
                + "ssh would refuse it too: run `chmod 600 \(path)`"
        case .unreadableKeyFile(let path, let reason):
            return "cannot read private key \(path): \(reason)"
        case .malformedKey(let path, let reason):
            return "\(path) is not a valid OpenSSH private key: \(reason)"
        case .encryptedKey(let path, let cipher):
            return "private key \(path) is encrypted (\(cipher)); Steward needs an unencrypted key: "
                + "`ssh-keygen -p -N '' -f \(path)` removes the passphrase of a copy kept for the bot"
        case .unsupportedKeyType(let path, let type):
            return
                "private key \(path) has type \(type); supported: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa"
        case .malformedSignature(let reason):
            return "malformed SSH signature: \(reason)"
        case .namespaceMismatch(let expected, let found):
            return "signature is for namespace \"\(found)\", expected \"\(expected)\""
        case .invalidSignature(let reason):
            return "signature verification failed: \(reason)"
        case .signerNotAllowed(let fingerprint, let namespace, let path):
            return "no principal in \(path) may sign namespace \"\(namespace)\" with key \(fingerprint)"
        case .malformedAllowedSigners(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .crypto(let function, let message):
            return "\(function) failed: \(message)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
