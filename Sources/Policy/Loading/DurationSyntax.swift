/// Durations as Prometheus writes them: whole numbers with a unit, largest first, run together
/// (`90s`, `30m`, `24h`, `7d`, `2w`, `1d12h`).
enum DurationSyntax {
    private static let units: [(unit: Character, seconds: Double)] = [
        ("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
    ]

    /// The seconds `text` stands for, or nil when it is not such a duration.
    static func seconds(_ text: String) -> Double? {
        var total: Double = 0
        var digits = ""
        var lastUnit = -1
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let index = units.firstIndex(where: { $0.unit == character }), index > lastUnit,
                let count = Double(digits)
            else { return nil }
            total += count * units[index].seconds
            lastUnit = index
            digits = ""
        }
        return digits.isEmpty && lastUnit >= 0 ? total : nil
    }
}
