/// Reads the SSH wire encoding (RFC 4251: uint32, string, mpint) from bytes.
struct SSHReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    /// What a failed read reports; the caller wraps it in a context-specific error.
    struct Truncated: Error {
        let what: String
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: [UInt8] { Array(bytes[offset...]) }

    /// Bytes already read, by offset range.
    func slice(_ range: Range<Int>) -> [UInt8] {
        Array(bytes[range])
    }

    mutating func raw(_ count: Int, _ what: String) throws -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw Truncated(what: what) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32(_ what: String) throws -> UInt32 {
        try raw(4, what).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string(_ what: String) throws -> [UInt8] {
        let length = try uint32(what)
        return try raw(Int(length), what)
    }

    mutating func text(_ what: String) throws -> String {
        String(decoding: try string(what), as: UTF8.self)
    }

    /// An mpint's magnitude without sign or leading zeros (Steward only meets non-negative ones).
    mutating func mpint(_ what: String) throws -> [UInt8] {
        Array(try string(what).drop { $0 == 0 })
    }
}

/// Writes the SSH wire encoding.
struct SSHWriter {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ data: [UInt8]) {
        bytes += data
    }

    mutating func uint32(_ value: UInt32) {
        bytes += [
            UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff),
        ]
    }

    mutating func string(_ data: [UInt8]) {
        uint32(UInt32(data.count))
        bytes += data
    }

    mutating func string(_ text: String) {
        string(Array(text.utf8))
    }

    /// A non-negative integer given as big-endian magnitude: minimal, with a zero byte in front
    /// when the high bit is set.
    mutating func mpint(_ magnitude: [UInt8]) {
        let trimmed = Array(magnitude.drop { $0 == 0 })
        string(trimmed.first.map { $0 & 0x80 != 0 } == true ? [0] + trimmed : trimmed)
    }
}
