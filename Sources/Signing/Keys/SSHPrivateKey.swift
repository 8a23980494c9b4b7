internal import COpenSSL
import Foundation

/// An unencrypted OpenSSH private key (`openssh-key-v1`) that signs with libcrypto.
///
/// Ed25519 is the recommended type; ECDSA P-256 and RSA (signing with rsa-sha2-512) are read
/// too, since many teams already have such keys.
public final class SSHPrivateKey: Sendable {
    /// The public half, with the key file's comment.
    public let publicKey: SSHPublicKey
    let key: EVPKey
    /// The type-specific private fields as stored in the key file, kept to write it back.
    let privateFields: [UInt8]

    init(publicKey: SSHPublicKey, key: EVPKey, privateFields: [UInt8]) {
        self.publicKey = publicKey
        self.key = key
        self.privateFields = privateFields
    }

    /// The public key's `SHA256:` fingerprint.
    public var fingerprint: String { publicKey.fingerprint }

    /// Loads the key file at `path`.
    ///
    /// - Throws: `SigningError.keyFileTooOpen` when group or others may read the file (as ssh
    ///   refuses it; the message says `chmod 600 FILE`), `.encryptedKey`, `.unsupportedKeyType`,
    ///   `.malformedKey` (naming what is wrong), `.unreadableKeyFile`.
    public convenience init(contentsOf path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw SigningError.unreadableKeyFile(path: path, reason: String(cString: strerror(errno)))
        }
        let mode = UInt16(status.st_mode & 0o777)
        if mode & 0o077 != 0 { throw SigningError.keyFileTooOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError.unreadableKeyFile(path: path, reason: "cannot read the file")
        }
        try self.init(fileContents: [UInt8](data), path: path)
    }

    /// Parses key file contents; `path` only names the source in errors.
    public convenience init(fileContents: [UInt8], path: String) throws {
        let parsed = try OpenSSHKeyFile.parse(fileContents, path: path)
        self.init(publicKey: parsed.publicKey, key: parsed.key, privateFields: parsed.privateFields)
        // A file whose private half does not belong to its public half would sign commits that
        // verify against nobody: catch it when loading.
        let probe = Array("steward key check".utf8)
        do {
            try publicKey.verify(try signatureBlob(probe), over: probe)
        } catch {
            throw SigningError.malformedKey(
                path: path, reason: "the private key does not match the public key")
        }
    }

    /// A new random Ed25519 key.
    public static func generateEd25519(comment: String) throws -> SSHPrivateKey {
        var seed = [UInt8](repeating: 0, count: 32)
        try OpenSSL.check("RAND_bytes", RAND_bytes(&seed, 32))
        defer { seed.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        let key = try EVPKey.ed25519(seed: seed)
        var publicBytes = [UInt8](repeating: 0, count: 32)
        var length = 32
        try OpenSSL.check(
            "EVP_PKEY_get_raw_public_key", EVP_PKEY_get_raw_public_key(key.pointer, &publicBytes, &length))
        var blob = SSHWriter()
        blob.string("ssh-ed25519")
        blob.string(publicBytes)
        var fields = SSHWriter()
        fields.string(publicBytes)
        fields.string(seed + publicBytes)
        return SSHPrivateKey(
            publicKey: try SSHPublicKey(blob: blob.bytes, comment: comment), key: key,
            privateFields: fields.bytes)
    }

    /// Writes the key as an unencrypted `openssh-key-v1` file readable only by its owner
    /// (mode 0600), replacing any file at `path`; `ssh-keygen` and `ssh` read it.
    public func write(to path: String) throws {
        let text = try OpenSSHKeyFile.serialize(self)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw SigningError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // An existing file keeps its mode through O_TRUNC: tighten it before writing secrets.
        guard fchmod(descriptor, 0o600) == 0 else {
            throw SigningError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw SigningError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Signs `data` and returns the SSH signature blob (algorithm name, then signature bytes):
    /// Ed25519, ECDSA P-256 with SHA-256, or RSA with rsa-sha2-512.
    func signatureBlob(_ data: [UInt8]) throws -> [UInt8] {
        let (name, digest): (String, OpaquePointer?) =
            switch publicKey.algorithm {
            case "ssh-ed25519": ("ssh-ed25519", nil)
            case "ecdsa-sha2-nistp256": ("ecdsa-sha2-nistp256", EVP_sha256())
            default: ("rsa-sha2-512", EVP_sha512())
            }
        guard let context = EVP_MD_CTX_new() else { throw OpenSSL.error("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        try OpenSSL.check("EVP_DigestSignInit", EVP_DigestSignInit(context, nil, digest, nil, key.pointer))
        var length = 0
        try OpenSSL.check("EVP_DigestSign", EVP_DigestSign(context, nil, &length, data, data.count))
        var signature = [UInt8](repeating: 0, count: length)
        try OpenSSL.check("EVP_DigestSign", EVP_DigestSign(context, &signature, &length, data, data.count))
        signature.removeLast(signature.count - length)
        if name == "ecdsa-sha2-nistp256" { signature = try Self.sshSignature(fromDER: signature) }
        var blob = SSHWriter()
        blob.string(name)
        blob.string(signature)
        return blob.bytes
    }

    /// libcrypto's DER ECDSA signature as SSH's pair of mpints.
    private static func sshSignature(fromDER der: [UInt8]) throws -> [UInt8] {
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let decoded else { throw OpenSSL.error("d2i_ECDSA_SIG") }
        defer { ECDSA_SIG_free(decoded) }
        func bytes(_ number: OpaquePointer?) -> [UInt8] {
            var output = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
            BN_bn2bin(number, &output)
            return output
        }
        var writer = SSHWriter()
        writer.mpint(bytes(ECDSA_SIG_get0_r(decoded)))
        writer.mpint(bytes(ECDSA_SIG_get0_s(decoded)))
        return writer.bytes
    }
}
