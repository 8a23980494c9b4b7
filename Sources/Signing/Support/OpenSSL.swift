internal import COpenSSL

/// libcrypto's error queue turned into `SigningError`.
enum OpenSSL {
    /// The oldest queued error, cleared from the queue, or a generic message.
    static func error(_ function: String) -> SigningError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return .crypto(function: function, message: "no error detail from libcrypto") }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return .crypto(function: function, message: String(decoding: text, as: UTF8.self))
    }

    /// Throws `error(function)` unless `result` is 1 (libcrypto's success value).
    static func check(_ function: String, _ result: Int32) throws {
        if result != 1 { throw error(function) }
    }
}
