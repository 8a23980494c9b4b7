import Foundation

/// SSHSIG signatures (OpenSSH `PROTOCOL.sshsig`), as `ssh-keygen -Y sign` makes them and
/// `git verify-commit` checks them with `gpg.format=ssh`.
public enum SSHSignature {
    static let begin = "-----BEGIN SSH SIGNATURE-----"
    static let end = "-----END SSH SIGNATURE-----"
    private static let magic = Array("SSHSIG".utf8)

    /// What a successful verification established.
    public struct Verification: Sendable, Equatable {
        /// The key that made the signature.
        public var publicKey: SSHPublicKey
        /// The principals of the allowed-signers entries that accept it, in file order.
        public var principals: [String]
    }

    /// Signs `message` in `namespace` (git uses `git`) with SHA-512, and returns the armor
    /// exactly as `ssh-keygen -Y sign` writes it: the BEGIN line, base64 in 70-column lines,
    /// the END line and a final newline.
    public static func sign(_ message: [UInt8], namespace: String = "git", key: SSHPrivateKey) throws
        -> String
    {
        let signature = try key.signatureBlob(signedData(message, namespace: namespace, hash: "sha512"))
        var blob = SSHWriter()
        blob.raw(magic)
        blob.uint32(1)
        blob.string(key.publicKey.blob)
        blob.string(namespace)
        blob.string([UInt8]())
        blob.string("sha512")
        blob.string(signature)
        let encoded = Data(blob.bytes).base64EncodedString()
        return "\(begin)\n\(OpenSSHKeyFile.wrap(encoded, width: 70))\n\(end)\n"
    }

    /// Checks an armored signature over `message`: well-formed, made in `namespace`, valid for
    /// the key it names, and that key allowed to sign in `namespace` by `allowedSigners`.
    ///
    /// - Parameter date: the moment the signature is checked for (`valid-after`/`valid-before`).
    /// - Returns: the key and the principals that accept it.
    /// - Throws: `SigningError` saying which check failed.
    public static func verify(
        armored: String, message: [UInt8], namespace: String = "git", allowedSigners: AllowedSigners,
        at date: Date = Date()
    ) throws -> Verification {
        let parsed = try parse(armored)
        guard parsed.namespace == namespace else {
            throw SigningError.namespaceMismatch(expected: namespace, found: parsed.namespace)
        }
        try parsed.publicKey.verify(
            parsed.signature, over: signedData(message, namespace: parsed.namespace, hash: parsed.hash))
        let entries = allowedSigners.entries(for: parsed.publicKey, namespace: namespace, at: date)
        guard !entries.isEmpty else {
            throw SigningError.signerNotAllowed(
                fingerprint: parsed.publicKey.fingerprint, namespace: namespace, path: allowedSigners.path)
        }
        return Verification(publicKey: parsed.publicKey, principals: entries.flatMap(\.principals))
    }

    private struct Parsed {
        let publicKey: SSHPublicKey
        let namespace: String
        let hash: String
        let signature: [UInt8]
    }

    private static func parse(_ armored: String) throws -> Parsed {
        let text = armored.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix(begin), text.hasSuffix(end) else {
            throw SigningError.malformedSignature(reason: "missing the \(begin) / \(end) lines")
        }
        let body = text.dropFirst(begin.count).dropLast(end.count).filter { !$0.isWhitespace }
        guard let decoded = Data(base64Encoded: String(body)) else {
            throw SigningError.malformedSignature(reason: "the armor is not valid base64")
        }
        var reader = SSHReader([UInt8](decoded))
        do {
            guard try reader.raw(6, "magic") == magic else {
                throw SigningError.malformedSignature(reason: "missing the SSHSIG magic")
            }
            let version = try reader.uint32("version")
            guard version == 1 else {
                throw SigningError.malformedSignature(reason: "unsupported version \(version)")
            }
            let publicKey = try SSHPublicKey(blob: try reader.string("public key"))
            let namespace = try reader.text("namespace")
            _ = try reader.string("reserved")
            let hash = try reader.text("hash algorithm")
            guard hash == "sha512" || hash == "sha256" else {
                throw SigningError.malformedSignature(reason: "unsupported hash algorithm \(hash)")
            }
            let signature = try reader.string("signature")
            guard reader.isAtEnd else { throw SigningError.malformedSignature(reason: "trailing bytes") }
            return Parsed(publicKey: publicKey, namespace: namespace, hash: hash, signature: signature)
        } catch let truncated as SSHReader.Truncated {
            throw SigningError.malformedSignature(reason: "truncated at \(truncated.what)")
        }
    }

    /// The bytes the key actually signs: magic, namespace, reserved, hash name, H(message).
    private static func signedData(_ message: [UInt8], namespace: String, hash: String) -> [UInt8] {
        var data = SSHWriter()
        data.raw(magic)
        data.string(namespace)
        data.string([UInt8]())
        data.string(hash)
        data.string(hash == "sha512" ? Digest.sha512Bytes(message) : Digest.sha256Bytes(message))
        return data.bytes
    }
}
