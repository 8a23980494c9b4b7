/// Byte classes of the YAML grammar, on UTF-8 code units.
enum Bytes {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }

    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == lineFeed || c == carriageReturn }

    /// A blank, a line break, or the end of input (which reads as 0; NUL itself is rejected up front).
    @inline(__always) static func isBlankOrBreakOrEnd(_ c: UInt8) -> Bool {
        c == space || c == tab || c == lineFeed || c == carriageReturn || c == 0
    }

    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
            || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// ns-word-char: a letter, a digit or `-`.
    @inline(__always) static func isWordChar(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "-")
    }

    /// ns-uri-char without `%` (checked apart, it needs two hex digits).
    static func isURIChar(_ c: UInt8) -> Bool {
        if isWordChar(c) { return true }
        switch c {
        case UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"),
            UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"),
            UInt8(ascii: ","), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    /// ns-tag-char: a URI character other than `!` and the flow indicators.
    static func isTagChar(_ c: UInt8) -> Bool {
        isURIChar(c) && c != UInt8(ascii: "!") && !isFlowIndicator(c)
    }
}
