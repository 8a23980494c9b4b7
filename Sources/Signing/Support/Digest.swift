internal import COpenSSL

/// Message digests from libcrypto.
public enum Digest {
    /// SHA-256 of `bytes` as 64 lowercase hexadecimal digits, as in `sha256:<hex>` evidence ids.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(sha256Bytes(bytes))
    }

    /// SHA-256 of the UTF-8 bytes of `text`, in hexadecimal.
    public static func sha256(_ text: String) -> String {
        sha256(Array(text.utf8))
    }

    static func sha256Bytes(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, EVP_sha256(), length: 32)
    }

    static func sha512Bytes(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, EVP_sha512(), length: 64)
    }

    private static func digest(_ bytes: [UInt8], _ type: OpaquePointer?, length: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: length)
        var size: UInt32 = 0
        // EVP_Digest only fails on allocation failure, which Swift treats as fatal anyway.
        let result = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &output, &size, type, nil) }
        precondition(result == 1 && Int(size) == length, "EVP_Digest failed")
        return output
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(
            decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }
}
