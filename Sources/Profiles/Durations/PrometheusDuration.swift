/// A length of time written the way Prometheus writes it: `7d`, `5m`, `1h30m`, `500ms`.
///
/// Held as whole milliseconds, Prometheus' own resolution, so that step arithmetic is exact.
public struct PrometheusDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The duration in milliseconds.
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A duration of whole seconds.
    public static func seconds(_ seconds: Int64) -> PrometheusDuration {
        PrometheusDuration(milliseconds: seconds * 1000)
    }

    /// The units Prometheus accepts, largest first; a year is 365 days, as in PromQL.
    private static let units: [(name: String, milliseconds: Int64)] = [
        ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses `text`, or returns nil when it is not a positive Prometheus duration.
    ///
    /// Units must appear largest first, each at most once, as PromQL requires (`1h30m`, not `30m1h`).
    public init?(_ text: String) {
        guard let total = Self.milliseconds(in: text), total > 0 else { return nil }
        self.milliseconds = total
    }

    /// The milliseconds `text` stands for, zero included (`0s`), or nil when it is not written as
    /// a Prometheus duration.
    public static func milliseconds(in text: String) -> Int64? {
        var total: Int64 = 0
        var rest = Substring(text)
        var lastUnit = -1
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(letters.count)
            guard let unit = units.firstIndex(where: { $0.name == letters }), unit > lastUnit else {
                return nil
            }
            lastUnit = unit
            let (product, overflow) = amount.multipliedReportingOverflow(by: units[unit].milliseconds)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
        }
        return total
    }

    /// The duration in seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    /// The shortest spelling with days, hours, minutes, seconds and milliseconds: `7d`, `1h30m`.
    ///
    /// Weeks and years are not used so that a window given as `7d` is written back as `7d`.
    public var description: String {
        var rest = milliseconds
        var text = ""
        for (name, size) in Self.units where name != "y" && name != "w" {
            if rest >= size {
                text += "\(rest / size)\(name)"
                rest %= size
            }
        }
        return text.isEmpty ? "0s" : text
    }

    public static func < (lhs: PrometheusDuration, rhs: PrometheusDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}
