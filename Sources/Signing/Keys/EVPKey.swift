internal import COpenSSL

/// The single owner of one libcrypto `EVP_PKEY`.
///
/// `@unchecked Sendable`: the key is never mutated after construction, and libcrypto allows a
/// constant `EVP_PKEY` to be used for signing and verifying from several threads at once.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// An Ed25519 key from its 32-byte seed (private) or 32-byte public key.
    static func ed25519(seed: [UInt8]) throws -> EVPKey {
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw OpenSSL.error("EVP_PKEY_new_raw_private_key")
        }
        return EVPKey(key)
    }

    static func ed25519(publicKey: [UInt8]) throws -> EVPKey {
        guard let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else {
            throw OpenSSL.error("EVP_PKEY_new_raw_public_key")
        }
        return EVPKey(key)
    }

    /// A NIST P-256 key from its uncompressed point and, for a private key, its scalar.
    static func p256(point: [UInt8], scalar: [UInt8]?) throws -> EVPKey {
        let parameters = ParameterBuilder()
        parameters.text(OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1")
        parameters.octets(OSSL_PKEY_PARAM_PUB_KEY, point)
        if let scalar { parameters.number(OSSL_PKEY_PARAM_PRIV_KEY, scalar) }
        return try parameters.key("EC", isPrivate: scalar != nil)
    }

    /// An RSA key from its public numbers and, for a private key, `d`, `p`, `q` and `iqmp`
    /// (the CRT exponents are derived). The numbered parameter names are spelled out because
    /// their macros are built by string concatenation, which Swift does not import.
    static func rsa(
        n: [UInt8], e: [UInt8], privateNumbers: (d: [UInt8], p: [UInt8], q: [UInt8], iqmp: [UInt8])?
    )
        throws -> EVPKey
    {
        let parameters = ParameterBuilder()
        parameters.number(OSSL_PKEY_PARAM_RSA_N, n)
        parameters.number(OSSL_PKEY_PARAM_RSA_E, e)
        if let privateNumbers {
            let exponents = try crtExponents(d: privateNumbers.d, p: privateNumbers.p, q: privateNumbers.q)
            parameters.number(OSSL_PKEY_PARAM_RSA_D, privateNumbers.d)
            parameters.number("rsa-factor1", privateNumbers.p)
            parameters.number("rsa-factor2", privateNumbers.q)
            parameters.number("rsa-exponent1", exponents.dp)
            parameters.number("rsa-exponent2", exponents.dq)
            parameters.number("rsa-coefficient1", privateNumbers.iqmp)
        }
        return try parameters.key("RSA", isPrivate: privateNumbers != nil)
    }

    /// d mod (p-1) and d mod (q-1), which OpenSSH does not store but libcrypto wants.
    private static func crtExponents(d: [UInt8], p: [UInt8], q: [UInt8]) throws -> (dp: [UInt8], dq: [UInt8])
    {
        guard let context = BN_CTX_new() else { throw OpenSSL.error("BN_CTX_new") }
        defer { BN_CTX_free(context) }
        func reduce(_ prime: [UInt8]) throws -> [UInt8] {
            let dNumber = BN_bin2bn(d, Int32(d.count), nil)
            let modulus = BN_bin2bn(prime, Int32(prime.count), nil)
            let result = BN_new()
            defer {
                BN_clear_free(dNumber)
                BN_clear_free(modulus)
                BN_clear_free(result)
            }
            guard BN_sub_word(modulus, 1) == 1, BN_div(nil, result, dNumber, modulus, context) == 1 else {
                throw OpenSSL.error("BN_div")
            }
            var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(result) + 7) / 8))
            BN_bn2bin(result, &bytes)
            return bytes
        }
        return (try reduce(p), try reduce(q))
    }
}
