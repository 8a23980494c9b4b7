/// Checks that the input is UTF-8 made of characters YAML allows, and records where lines start.
enum SourceValidator {
    static func validate(_ bytes: [UInt8]) throws(ParseFailure) -> [Int32] {
        if bytes.count >= Int(Int32.max) {
            throw ParseFailure(offset: 0, message: "the file is larger than 2 GiB")
        }
        var lineStarts: [Int32] = [0]
        lineStarts.reserveCapacity(bytes.count / 32 + 1)
        let failure: ParseFailure? = bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard n > 0, let base = b.baseAddress else { return nil }
            var i = 0
            let raw = UnsafeRawPointer(base)
            while i < n {
                // Eight printable ASCII bytes at a time: no high bit, none below 0x20, none 0x7F.
                while i + 8 <= n {
                    let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let belowSpace = (w &- 0x2020_2020_2020_2020) & ~w & high
                    let delete =
                        ((w ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(w ^ 0x7F7F_7F7F_7F7F_7F7F)
                        & high
                    if (w & high) | belowSpace | delete != 0 { break }
                    i += 8
                }
                guard i < n else { break }
                let c = b[i]
                if c >= 0x20 && c < 0x7F {
                    i += 1
                    continue
                }
                if c == Bytes.lineFeed {
                    i += 1
                    lineStarts.append(Int32(truncatingIfNeeded: i))
                    continue
                }
                if c == Bytes.carriageReturn {
                    i += 1
                    if i < n && b[i] == Bytes.lineFeed { i += 1 }
                    lineStarts.append(Int32(truncatingIfNeeded: i))
                    continue
                }
                if c == Bytes.tab {
                    i += 1
                    continue
                }
                if c < 0x80 {
                    return ParseFailure(
                        offset: i, message: "control character U+\(hex(UInt32(c))) is not allowed in YAML")
                }
                guard let (scalar, length) = decode(b, i) else {
                    return ParseFailure(offset: i, message: "invalid UTF-8 byte 0x\(hex(UInt32(c)))")
                }
                let allowed =
                    scalar == 0x85 || (scalar >= 0xA0 && scalar <= 0xD7FF)
                    || (scalar >= 0xE000 && scalar <= 0xFFFD)
                    || scalar >= 0x10000
                if !allowed {
                    return ParseFailure(
                        offset: i, message: "character U+\(hex(scalar)) is not allowed in YAML")
                }
                i += length
            }
            return nil
        }
        if let failure { throw failure }
        return lineStarts
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, (value > 0xFF ? 4 : 2) - digits.count)) + digits
    }

    /// Decodes one well-formed UTF-8 sequence at `i`: the scalar and its length.
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let c = b[i]
        let length: Int
        var scalar: UInt32
        switch c {
        case 0xC2...0xDF:
            length = 2
            scalar = UInt32(c & 0x1F)
        case 0xE0...0xEF:
            length = 3
            scalar = UInt32(c & 0x0F)
        case 0xF0...0xF4:
            length = 4
            scalar = UInt32(c & 0x07)
        default:
            return nil
        }
        guard i + length <= b.count else { return nil }
        for k in 1..<length {
            let d = b[i + k]
            guard d & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(d & 0x3F)
        }
        switch length {
        case 3 where scalar < 0x800 || (scalar >= 0xD800 && scalar <= 0xDFFF): return nil
        case 4 where scalar < 0x10000 || scalar > 0x10FFFF: return nil
        default: return (scalar, length)
        }
    }
}
