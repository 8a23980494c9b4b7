import Foundation

/// An SSH public key: its algorithm, its wire-format blob and a comment.
public struct SSHPublicKey: Hashable, Sendable {
    /// `ssh-ed25519`, `ecdsa-sha2-nistp256` or `ssh-rsa`.
    public let algorithm: String
    /// The key in SSH wire format (what an `authorized_keys` line holds in base64).
    public let blob: [UInt8]
    /// The free-text comment (often `user@host`).
    public var comment: String

    /// A key from its wire-format blob.
    /// - Throws: `SigningError.malformedSignature` when the blob is not a key Steward supports
    ///   (the blob usually comes from a signature).
    public init(blob: [UInt8], comment: String = "") throws {
        var reader = SSHReader(blob)
        guard let algorithm = try? reader.text("key type"), Self.supported.contains(algorithm) else {
            throw SigningError.malformedSignature(reason: "unsupported or malformed public key")
        }
        self.algorithm = algorithm
        self.blob = blob
        self.comment = comment
    }

    /// A key from an `authorized_keys`-style line: `<type> <base64> [comment]`.
    public init(authorizedKeyLine line: String) throws {
        let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else {
            throw SigningError.malformedSignature(reason: "not a public key line: \(line.prefix(40))")
        }
        try self.init(blob: [UInt8](blob), comment: fields.count > 2 ? String(fields[2]) : "")
        guard algorithm == fields[0] else {
            throw SigningError.malformedSignature(
                reason: "key type \(fields[0]) does not match the key's \(algorithm)")
        }
    }

    static let supported: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"]

    /// `ssh-ed25519 AAAA… comment`, for `authorized_keys` and allowed-signers files.
    public var authorizedKeyLine: String {
        let line = "\(algorithm) \(Data(blob).base64EncodedString())"
        return comment.isEmpty ? line : "\(line) \(comment)"
    }

    /// `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        var encoded = Data(Digest.sha256Bytes(blob)).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "SHA256:\(encoded)"
    }

    /// Whether two keys are the same key, whatever their comments.
    public func sameKey(as other: SSHPublicKey) -> Bool {
        blob == other.blob
    }
}
