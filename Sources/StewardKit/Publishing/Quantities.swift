import Foundation
import Telemetry

/// How reports and pull requests write numbers, sizes and dates.
enum Quantities {
    /// A number with at most three decimals and no trailing zeros: `0.156`, `6048`.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Bytes as mebibytes with one decimal: `333.9`.
    static func mebibytes(_ bytes: Double) -> String {
        String(format: "%.1f", bytes / 1_048_576)
    }

    /// `2026-11-21` for unix seconds, in UTC.
    static func date(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds).formatted(
            Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day())
    }

    /// `7 days`, `36 hours`.
    static func days(_ window: Window) -> String {
        let days = window.duration / 86_400
        if days >= 1, days == days.rounded() { return "\(Int(days)) day\(days == 1 ? "" : "s")" }
        return "\(number(window.duration / 3_600)) hours"
    }
}
