extension Quantity {
    /// Parses the Kubernetes quantity grammar:
    /// `[+-] (digits | digits.digits | digits. | .digits) (binarySI | decimalSI | [eE][+-]digits)`.
    static func parse(_ bytes: [UInt8]) -> (nanos: Int128, format: Format)? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        let suffix = Array(bytes[index...])
        guard let (exponent, binaryShift, format) = parseSuffix(suffix) else { return nil }

        // value = digits × 10^(exponent − fractionDigits + 9) × 2^binaryShift, in nano-units.
        var mantissa: Int128 = 0
        for digit in digits {
            let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = scaled + Int128(digit)
        }
        guard let shifted = shift(mantissa, left: binaryShift) else { return nil }
        guard let nanos = scale(shifted, powerOfTen: exponent - fractionDigits + 9) else { return nil }
        return (negative ? -nanos : nanos, format)
    }

    private static func parseSuffix(_ suffix: [UInt8]) -> (Int, Int, Format)? {
        switch String(decoding: suffix, as: UTF8.self) {
        case "": return (0, 0, .decimalSI)
        case "n": return (-9, 0, .decimalSI)
        case "u": return (-6, 0, .decimalSI)
        case "m": return (-3, 0, .decimalSI)
        case "k": return (3, 0, .decimalSI)
        case "M": return (6, 0, .decimalSI)
        case "G": return (9, 0, .decimalSI)
        case "T": return (12, 0, .decimalSI)
        case "P": return (15, 0, .decimalSI)
        case "E": return (18, 0, .decimalSI)
        case "Ki": return (0, 10, .binarySI)
        case "Mi": return (0, 20, .binarySI)
        case "Gi": return (0, 30, .binarySI)
        case "Ti": return (0, 40, .binarySI)
        case "Pi": return (0, 50, .binarySI)
        case "Ei": return (0, 60, .binarySI)
        default:
            guard let first = suffix.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E"),
                let exponent = Int(String(decoding: suffix.dropFirst(), as: UTF8.self)),
                abs(exponent) <= 40
            else { return nil }
            return (exponent, 0, .decimalExponent)
        }
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
