internal import COpenSSL
import Foundation

/// Collects key parameters for `EVP_PKEY_fromdata`.
///
/// `OSSL_PARAM_BLD` keeps pointers to the names, strings, buffers and BIGNUMs pushed into it
/// until `OSSL_PARAM_BLD_to_param` copies them, so this class owns copies of all of them for
/// its whole life (Swift's temporary C strings would dangle).
final class ParameterBuilder {
    private let builder: OpaquePointer?
    private var strings: [UnsafeMutablePointer<CChar>?] = []
    private var buffers: [UnsafeMutableRawPointer] = []
    private var numbers: [OpaquePointer] = []
    private var failed = false

    init() {
        builder = OSSL_PARAM_BLD_new()
    }

    deinit {
        OSSL_PARAM_BLD_free(builder)
        for string in strings { free(string) }
        for buffer in buffers { free(buffer) }
        for number in numbers { BN_clear_free(number) }
    }

    func text(_ name: String, _ value: String) {
        let copy = keep(value)
        failed = failed || OSSL_PARAM_BLD_push_utf8_string(builder, keep(name), copy, 0) != 1
    }

    func octets(_ name: String, _ value: [UInt8]) {
        guard let buffer = malloc(max(value.count, 1)) else {
            failed = true
            return
        }
        buffers.append(buffer)
        value.withUnsafeBytes { bytes in
            // An empty array may have no base address; there is nothing to copy then.
            guard let source = bytes.baseAddress else { return }
            buffer.copyMemory(from: source, byteCount: bytes.count)
        }
        failed = failed || OSSL_PARAM_BLD_push_octet_string(builder, keep(name), buffer, value.count) != 1
    }

    /// A non-negative big-endian integer.
    func number(_ name: String, _ magnitude: [UInt8]) {
        guard let number = BN_bin2bn(magnitude, Int32(magnitude.count), nil) else {
            failed = true
            return
        }
        numbers.append(number)
        failed = failed || OSSL_PARAM_BLD_push_BN(builder, keep(name), number) != 1
    }

    /// The key made from the collected parameters.
    func key(_ algorithm: String, isPrivate: Bool) throws -> EVPKey {
        guard let builder, !failed, let params = OSSL_PARAM_BLD_to_param(builder) else {
            throw OpenSSL.error("OSSL_PARAM_BLD_push")
        }
        defer { OSSL_PARAM_free(params) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, algorithm, nil) else {
            throw OpenSSL.error("EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(context) }
        try OpenSSL.check("EVP_PKEY_fromdata_init", EVP_PKEY_fromdata_init(context))
        var key: OpaquePointer?
        let selection = isPrivate ? steward_evp_pkey_keypair_selection() : steward_evp_pkey_public_selection()
        try OpenSSL.check("EVP_PKEY_fromdata", EVP_PKEY_fromdata(context, &key, selection, params))
        guard let made = key else { throw OpenSSL.error("EVP_PKEY_fromdata") }
        return EVPKey(made)
    }

    private func keep(_ text: String) -> UnsafeMutablePointer<CChar>? {
        let copy = strdup(text)
        strings.append(copy)
        return copy
    }
}
