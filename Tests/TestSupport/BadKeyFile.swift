import Foundation

/// The ways an SSH private key file goes wrong on a real machine, each written for real (with
/// `ssh-keygen` and byte edits) together with the exact error Steward's `Signing` must give.
///
/// ```swift
/// let (path, message) = try BadKeyFile.truncated.write(in: keys)
/// #expect(throws: …) { try SSHPrivateKey(contentsOf: path) }  // description == message
/// ```
public enum BadKeyFile: String, CaseIterable, Sendable, CustomStringConvertible {
    case readableByOthers, truncated, brokenBase64, flippedPrivateByte, notAKey, encrypted, unsupportedType

    public var description: String { rawValue }

    /// Writes the bad key file into `directory` (which must exist) and returns its path and the
    /// exact error message.
    public func write(in directory: String) throws -> (path: String, error: String) {
        let path = "\(directory)/\(rawValue)"
        switch self {
        case .encrypted:
            try ExternalTool.sshKeygen.run(["-q", "-t", "ed25519", "-N", "passphrase", "-f", path])
            return (
                path,
                "private key \(path) is encrypted (aes256-ctr); Steward needs an unencrypted key: "
                    + "`ssh-keygen -p -N '' -f \(path)` removes the passphrase of a copy kept for the bot"
            )
        case .unsupportedType:
            try ExternalTool.sshKeygen.run(["-q", "-t", "ecdsa", "-b", "384", "-N", "", "-f", path])
            return (
                path,
                "private key \(path) has type ecdsa-sha2-nistp384; "
                    + "supported: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa"
            )
        default:
            break
        }
        let reference = try SSHTestKey(in: "\(directory)/\(rawValue)-source")
        let text = try String(contentsOfFile: reference.privateKeyPath, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let bytes: String
        let error: String
        switch self {
        case .readableByOthers:
            bytes = text
            error =
                "private key \(path) is readable by others (mode 0644); "
                + "ssh would refuse it too: run `chmod 600 \(path)`"
        case .truncated:
            let body = Array(Data(base64Encoded: lines[1...(lines.count - 2)].joined())!)
            bytes =
                [lines[0], Data(body.prefix(body.count / 2)).base64EncodedString(), lines[lines.count - 1]]
                .joined(separator: "\n") + "\n"
            error = "\(path) is not a valid OpenSSH private key: truncated at private section"
        case .brokenBase64:
            bytes = [lines[0], lines[1], lines[lines.count - 1]].joined(separator: "\n") + "\n"
            error = "\(path) is not a valid OpenSSH private key: the key block is not valid base64"
        case .flippedPrivateByte:
            var body = Array(Data(base64Encoded: lines[1...(lines.count - 2)].joined())!)
            body[body.count - 40] ^= 0xff
            bytes =
                [lines[0], Data(body).base64EncodedString(), lines[lines.count - 1]].joined(separator: "\n")
                + "\n"
            error = "\(path) is not a valid OpenSSH private key: malformed Ed25519 key"
        default:
            bytes = "hello\n"
            error =
                "\(path) is not a valid OpenSSH private key: "
                + "no -----BEGIN OPENSSH PRIVATE KEY----- block"
        }
        try Data(bytes.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes(
            [.posixPermissions: self == .readableByOthers ? 0o644 : 0o600], ofItemAtPath: path)
        return (path, error)
    }
}
