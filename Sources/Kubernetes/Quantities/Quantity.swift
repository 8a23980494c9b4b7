/// A Kubernetes resource quantity such as `100m`, `0.5`, `1Gi`, `1G` or `1e3`, kept exactly.
///
/// The value is held in nano-units (the finest precision Kubernetes keeps; finer fractions round
/// up, as the API server does), so comparisons are exact. The text it was parsed from is kept so
/// that printing an unchanged quantity gives back the same bytes.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value in units of 10⁻⁹ (nanocores for CPU, nanobytes for memory).
    public let nanos: Int128
    /// How the quantity is written: the suffix family Kubernetes calls its format.
    public let format: Format
    /// The text as written, or as Steward formats a new value.
    public let text: String

    /// The three suffix families of the Kubernetes quantity grammar.
    public enum Format: String, Sendable, Hashable {
        /// `Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`.
        case binarySI
        /// `n`, `u`, `m`, none, `k`, `M`, `G`, `T`, `P`, `E`.
        case decimalSI
        /// `e3`, `E-2` and the like.
        case decimalExponent
    }

    /// Parses a quantity; returns nil if `text` does not follow the Kubernetes grammar.
    public init?(_ text: String) {
        var utf8 = text
        guard let parsed = utf8.withUTF8({ Self.parse($0) }) else { return nil }
        self.nanos = parsed.nanos
        self.format = parsed.format
        self.text = text
    }

    init(nanos: Int128, format: Format, text: String) {
        self.nanos = nanos
        self.format = format
        self.text = text
    }

    /// The value as a floating-point number of whole units (cores or bytes).
    public var value: Double { Double(nanos) / 1e9 }

    /// The value in whole milli-units, rounded up (CPU millicores).
    public var milliValue: Int128 { Self.divideRoundingUp(nanos, by: 1_000_000) }

    /// The value in whole units, rounded up (bytes).
    public var unitValue: Int128 { Self.divideRoundingUp(nanos, by: 1_000_000_000) }

    public var description: String { text }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanos < rhs.nanos }

    /// Quantities are equal when their values are, however they are written.
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanos == rhs.nanos }

    public func hash(into hasher: inout Hasher) { hasher.combine(nanos) }

    /// A CPU quantity in millicores, written `250m`, or in whole cores (`2`) when exact.
    public static func cpu(millicores: Int128) -> Quantity {
        let text = millicores % 1000 == 0 ? "\(millicores / 1000)" : "\(millicores)m"
        return Quantity(nanos: millicores * 1_000_000, format: .decimalSI, text: text)
    }

    /// A memory quantity in bytes, written in `Gi` when whole, else in `Mi` when whole, else bytes.
    public static func memory(bytes: Int128) -> Quantity {
        let text: String
        if bytes != 0 && bytes % gibi == 0 {
            text = "\(bytes / gibi)Gi"
        } else if bytes % mebi == 0 {
            text = "\(bytes / mebi)Mi"
        } else {
            text = "\(bytes)"
        }
        return Quantity(nanos: bytes * 1_000_000_000, format: .binarySI, text: text)
    }

    /// One mebibyte, 2²⁰ bytes.
    public static let mebi: Int128 = 1 << 20
    /// One gibibyte, 2³⁰ bytes.
    public static let gibi: Int128 = 1 << 30

    private static func divideRoundingUp(_ value: Int128, by divisor: Int128) -> Int128 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder > 0 ? quotient + 1 : quotient
    }
}
