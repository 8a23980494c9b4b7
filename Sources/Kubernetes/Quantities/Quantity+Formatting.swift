extension Quantity {
    /// This value written the way `example` (the field's current value, or a sibling field of
    /// the same resource) writes quantities, where that keeps the value exact or rounds it up:
    ///
    /// - CPU: `0.5` style (cores) stays cores (`0.18`), `500m` style stays millicores.
    /// - Memory: decimal suffixes (`1G`, `500M`, `128k`) stay decimal, rounded up to whole
    ///   megabytes (kilobytes for `k`), written in `G` when whole; plain bytes stay bytes.
    ///   Binary suffixes keep Steward's own `Mi`/`Gi`.
    ///
    /// Rounding only ever goes up, so the result is never below this value.
    public func formatted(like example: Quantity?, resource: String) -> Quantity {
        guard let example, nanos >= 0 else { return self }
        let suffix = String(example.text.drop { $0.isNumber || $0 == "." || $0 == "+" || $0 == "-" })
        if resource == "cpu" {
            guard example.format == .decimalSI, nanos % 1_000_000 == 0 else { return self }
            let millicores = nanos / 1_000_000
            switch suffix {
            case "m": return Quantity(nanos: nanos, format: .decimalSI, text: "\(millicores)m")
            case "":
                return Quantity(nanos: nanos, format: .decimalSI, text: Self.decimal(millicores, scale: 1000))
            default: return self
            }
        }
        guard nanos % 1_000_000_000 == 0 else { return self }
        let bytes = nanos / 1_000_000_000
        switch (example.format, suffix) {
        case (.decimalSI, ""):
            return Quantity(nanos: nanos, format: .decimalSI, text: "\(bytes)")
        case (.decimalSI, "k"):
            let kilobytes = (bytes + 999) / 1000
            return Quantity(nanos: kilobytes * 1_000_000_000_000, format: .decimalSI, text: "\(kilobytes)k")
        case (.decimalSI, "M"), (.decimalSI, "G"), (.decimalSI, "T"):
            let megabytes = (bytes + 999_999) / 1_000_000
            let text = megabytes % 1000 == 0 ? "\(megabytes / 1000)G" : "\(megabytes)M"
            return Quantity(nanos: megabytes * 1_000_000_000_000_000, format: .decimalSI, text: text)
        default:
            return self
        }
    }

    /// `value / scale` with up to three decimals and no trailing zeros, e.g. `0.18`, `1.5`, `2`.
    private static func decimal(_ value: Int128, scale: Int128) -> String {
        let whole = value / scale
        var fraction = value % scale
        guard fraction != 0 else { return "\(whole)" }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
