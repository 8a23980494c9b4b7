internal import COpenSSL

extension SSHPublicKey {
    /// The libcrypto key for verifying signatures made with this key.
    func verificationKey() throws -> EVPKey {
        var reader = SSHReader(blob)
        do {
            _ = try reader.text("key type")
            switch algorithm {
            case "ssh-ed25519":
                return try EVPKey.ed25519(publicKey: try reader.string("Ed25519 key"))
            case "ecdsa-sha2-nistp256":
                guard try reader.text("curve") == "nistp256" else {
                    throw SigningError.malformedSignature(reason: "ECDSA key on another curve than nistp256")
                }
                return try EVPKey.p256(point: try reader.string("EC point"), scalar: nil)
            default:
                let e = try reader.mpint("RSA e")
                return try EVPKey.rsa(n: try reader.mpint("RSA n"), e: e, privateNumbers: nil)
            }
        } catch let truncated as SSHReader.Truncated {
            throw SigningError.malformedSignature(reason: "public key truncated at \(truncated.what)")
        }
    }

    /// Checks `signature` (an SSH signature blob: algorithm name and bytes) over `data`.
    func verify(_ signature: [UInt8], over data: [UInt8]) throws {
        var reader = SSHReader(signature)
        let algorithm: String
        var raw: [UInt8]
        do {
            algorithm = try reader.text("signature algorithm")
            raw = try reader.string("signature")
        } catch {
            throw SigningError.malformedSignature(reason: "truncated signature blob")
        }
        let digest: OpaquePointer?
        switch (self.algorithm, algorithm) {
        case ("ssh-ed25519", "ssh-ed25519"): digest = nil
        case ("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256"):
            digest = EVP_sha256()
            raw = try Self.derSignature(fromSSH: raw)
        case ("ssh-rsa", "rsa-sha2-512"): digest = EVP_sha512()
        case ("ssh-rsa", "rsa-sha2-256"): digest = EVP_sha256()
        default:
            throw SigningError.invalidSignature(
                reason: "signature algorithm \(algorithm) does not fit a \(self.algorithm) key")
        }
        let key = try verificationKey()
        guard let context = EVP_MD_CTX_new() else { throw OpenSSL.error("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        try OpenSSL.check(
            "EVP_DigestVerifyInit", EVP_DigestVerifyInit(context, nil, digest, nil, key.pointer))
        let result = EVP_DigestVerify(context, raw, raw.count, data, data.count)
        ERR_clear_error()
        guard result == 1 else {
            throw SigningError.invalidSignature(
                reason: "the signature does not match the signed data and key \(fingerprint)")
        }
    }

    /// SSH encodes an ECDSA signature as two mpints; libcrypto wants DER.
    private static func derSignature(fromSSH blob: [UInt8]) throws -> [UInt8] {
        var reader = SSHReader(blob)
        guard let r = try? reader.mpint("r"), let s = try? reader.mpint("s"), let signature = ECDSA_SIG_new()
        else {
            throw SigningError.malformedSignature(reason: "malformed ECDSA signature")
        }
        defer { ECDSA_SIG_free(signature) }
        guard
            ECDSA_SIG_set0(signature, BN_bin2bn(r, Int32(r.count), nil), BN_bin2bn(s, Int32(s.count), nil))
                == 1
        else {
            throw OpenSSL.error("ECDSA_SIG_set0")
        }
        let length = i2d_ECDSA_SIG(signature, nil)
        guard length > 0 else { throw OpenSSL.error("i2d_ECDSA_SIG") }
        var der = [UInt8](repeating: 0, count: Int(length))
        der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_ECDSA_SIG(signature, &cursor)
        }
        return der
    }
}
