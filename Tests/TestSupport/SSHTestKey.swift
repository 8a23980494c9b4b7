import Foundation

/// An SSH key pair made by the real `ssh-keygen`, with an allowed-signers file for it, and the
/// OpenSSH and Git commands that sign and verify with it.
///
/// ```swift
/// let key = try SSHTestKey(in: fixture.path("keys"))
/// let armor = try key.sign(payload)               // ssh-keygen -Y sign -n git
/// let result = try key.verifyCommit("main", in: repo)  // git verify-commit, gpg.format=ssh
/// ```
public struct SSHTestKey: Sendable {
    /// The key types `ssh-keygen -t` makes here.
    public enum KeyType: String, Sendable {
        case ed25519
        case ecdsaP256 = "ecdsa"
        case rsa
    }

    /// The private key file (`openssh-key-v1`, unencrypted, mode 0600).
    public let privateKeyPath: String
    /// The public key file (`<type> <base64> <comment>`).
    public let publicKeyPath: String
    /// An allowed-signers file in git's format that lets `principal` sign in namespace `git`.
    public let allowedSignersPath: String
    /// The identity in the allowed-signers file.
    public let principal: String
    /// The public key line, as in `authorized_keys`.
    public let publicKeyLine: String
    /// `SHA256:<base64>` as `ssh-keygen -l` prints it.
    public let fingerprint: String

    /// Generates a key pair in `directory` (created if needed) with `ssh-keygen`.
    public init(
        in directory: String, type: KeyType = .ed25519, principal: String = "steward@example.com",
        comment: String = "steward-test"
    ) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        privateKeyPath = "\(directory)/id_\(type.rawValue)"
        publicKeyPath = privateKeyPath + ".pub"
        var arguments = ["-q", "-t", type.rawValue, "-N", "", "-C", comment, "-f", privateKeyPath]
        switch type {
        case .ed25519: break
        case .ecdsaP256: arguments += ["-b", "256"]
        case .rsa: arguments += ["-b", "3072"]
        }
        try ExternalTool.sshKeygen.run(arguments)
        publicKeyLine = try String(contentsOfFile: publicKeyPath, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        self.principal = principal
        allowedSignersPath = "\(directory)/allowed_signers_\(type.rawValue)"
        try Data("\(principal) namespaces=\"git\" \(publicKeyLine)\n".utf8)
            .write(to: URL(fileURLWithPath: allowedSignersPath))
        let listing = try ExternalTool.sshKeygen.run(["-l", "-f", publicKeyPath])
        fingerprint = String(listing.split(separator: " ")[1])
    }

    /// Signs `message` with `ssh-keygen -Y sign` and returns the armored signature.
    public func sign(_ message: [UInt8], namespace: String = "git") throws -> String {
        try ExternalTool.sshKeygen.run(
            ["-Y", "sign", "-q", "-f", privateKeyPath, "-n", namespace], input: message)
    }

    /// Checks `armored` over `message` with `ssh-keygen -Y verify` against the allowed-signers
    /// file; status 0 means good.
    public func verify(
        _ armored: String, message: [UInt8], namespace: String = "git", allowedSigners: String? = nil
    ) throws -> ExternalToolOutput {
        let signatureFile = NSTemporaryDirectory() + "steward-sig-\(UUID().uuidString)"
        try Data(armored.utf8).write(to: URL(fileURLWithPath: signatureFile))
        defer { try? FileManager.default.removeItem(atPath: signatureFile) }
        return try ExternalTool.sshKeygen.result(
            [
                "-Y", "verify", "-f", allowedSigners ?? allowedSignersPath, "-I", principal, "-n", namespace,
                "-s", signatureFile,
            ], input: message)
    }

    /// Runs `git verify-commit` on `revision` with `gpg.format=ssh` and this key's allowed
    /// signers; status 0 and `Good "git" signature` on stderr mean good.
    public func verifyCommit(_ revision: String, in repository: String) throws -> ExternalToolOutput {
        try ExternalTool.git.result(
            [
                "-C", repository, "-c", "gpg.format=ssh", "-c",
                "gpg.ssh.allowedSignersFile=\(allowedSignersPath)",
                "verify-commit", "-v", revision,
            ], environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"])
    }
}
