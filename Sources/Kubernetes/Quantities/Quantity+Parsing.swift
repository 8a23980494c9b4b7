extension Quantity {
    /// Parses the Kubernetes quantity grammar:
    /// `[+-] (digits | digits.digits | digits. | .digits) (binarySI | decimalSI | [eE][+-]digits)`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (nanos: Int128, format: Format)? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // The digits accumulate as they are read; overflow means the value is out of range.
        var mantissa: Int128 = 0
        var digitCount = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                mantissa = scaled + Int128(byte - UInt8(ascii: "0"))
                digitCount += 1
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        guard
            let (exponent, binaryShift, format) = parseSuffix(UnsafeBufferPointer(rebasing: bytes[index...]))
        else { return nil }

        // value = digits × 10^(exponent − fractionDigits + 9) × 2^binaryShift, in nano-units.
        guard let shifted = shift(mantissa, left: binaryShift) else { return nil }
        guard let nanos = scale(shifted, powerOfTen: exponent - fractionDigits + 9) else { return nil }
        return (negative ? -nanos : nanos, format)
    }

    private static func parseSuffix(_ suffix: UnsafeBufferPointer<UInt8>) -> (Int, Int, Format)? {
        switch suffix.count {
        case 0: return (0, 0, .decimalSI)
        case 1:
            switch suffix[0] {
            case UInt8(ascii: "n"): return (-9, 0, .decimalSI)
            case UInt8(ascii: "u"): return (-6, 0, .decimalSI)
            case UInt8(ascii: "m"): return (-3, 0, .decimalSI)
            case UInt8(ascii: "k"): return (3, 0, .decimalSI)
            case UInt8(ascii: "M"): return (6, 0, .decimalSI)
            case UInt8(ascii: "G"): return (9, 0, .decimalSI)
            case UInt8(ascii: "T"): return (12, 0, .decimalSI)
            case UInt8(ascii: "P"): return (15, 0, .decimalSI)
            case UInt8(ascii: "E"): return (18, 0, .decimalSI)
            default: break
            }
        case 2 where suffix[1] == UInt8(ascii: "i"):
            switch suffix[0] {
            case UInt8(ascii: "K"): return (0, 10, .binarySI)
            case UInt8(ascii: "M"): return (0, 20, .binarySI)
            case UInt8(ascii: "G"): return (0, 30, .binarySI)
            case UInt8(ascii: "T"): return (0, 40, .binarySI)
            case UInt8(ascii: "P"): return (0, 50, .binarySI)
            case UInt8(ascii: "E"): return (0, 60, .binarySI)
            default: break
            }
        default:
            break
        }
        guard let first = suffix.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E"),
            let exponent = Int(String(decoding: suffix.dropFirst(), as: UTF8.self)),
            abs(exponent) <= 40
        else { return nil }
        return (exponent, 0, .decimalExponent)
    }

    private static func shift(_ value: Int128, left bits: Int) -> Int128? {
        guard bits > 0 else { return value }
        guard value == 0 || value.leadingZeroBitCount > bits + 1 else { return nil }
        return value << bits
    }

    /// Multiplies by 10^power; a negative power divides, rounding up as Kubernetes does.
    private static func scale(_ value: Int128, powerOfTen power: Int) -> Int128? {
        var result = value
        if power >= 0 {
            for _ in 0..<power {
                let (scaled, overflow) = result.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                result = scaled
            }
            return result
        }
        var divisor: Int128 = 1
        for _ in 0..<(-power) {
            let (scaled, overflow) = divisor.multipliedReportingOverflow(by: 10)
            guard !overflow else { return result > 0 ? 1 : 0 }
            divisor = scaled
        }
        let (quotient, remainder) = result.quotientAndRemainder(dividingBy: divisor)
        return remainder > 0 ? quotient + 1 : quotient
    }
}
