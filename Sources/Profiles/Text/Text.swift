import Foundation

/// How findings write numbers in words: the same rounding everywhere, so summaries and
/// calculations read alike and never depend on the locale.
public enum Text {
    /// A number with at most `decimals` decimals and no trailing zeros: `0.156`, `2`, `333.9`.
    public static func number(_ value: Double, decimals: Int = 3) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Cores to four decimals, enough to redo a calculation to the millicore: `0.1635 cores`.
    public static func cores(_ value: Double) -> String { "\(number(value, decimals: 4)) cores" }

    /// Bytes in mebibytes to two decimals, enough to redo a rounding to 1Mi: `355.35 MiB`.
    public static func mebibytes(_ bytes: Double) -> String {
        "\(number(bytes / 1_048_576, decimals: 2)) MiB"
    }

    /// A percentage of a 0…1 ratio: `45 %`.
    public static func percent(_ ratio: Double) -> String { "\(number(ratio * 100, decimals: 1)) %" }

    /// A duration in the largest unit that keeps it readable: `7 days`, `1 day`, `26 h`, `45 min`.
    public static func duration(_ seconds: Double) -> String {
        let seconds = max(0, seconds)
        if seconds >= 2 * 86_400 {
            return "\(number(seconds / 86_400, decimals: 1)) days"
        }
        if seconds >= 86_400 && seconds.truncatingRemainder(dividingBy: 86_400) == 0 {
            return "1 day"
        }
        if seconds >= 3600 {
            return "\(number(seconds / 3600, decimals: 1)) h"
        }
        return "\(number(seconds / 60, decimals: 0)) min"
    }

    /// A unix time as ISO 8601 in UTC, to the second: `2026-09-22T12:00:00Z`.
    public static func time(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// Mebibytes with one decimal and no unit, for tables and charts: `333.9`.
    public static func mebibyteFigure(_ bytes: Double) -> String {
        String(format: "%.1f", bytes / 1_048_576)
    }

    /// A unix time as an ISO 8601 date in UTC: `2026-11-21`.
    public static func date(_ seconds: Double) -> String {
        String(time(seconds).prefix(10))
    }

    /// `1 change`, `3 changes`: a count with its noun, plural unless one.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A window's length in whole days, else in hours: `7 days`, `1 day`, `36 hours`.
    public static func days(_ window: Window) -> String {
        let days = window.duration / 86_400
        if days >= 1, days == days.rounded() { return "\(Int(days)) day\(days == 1 ? "" : "s")" }
        return "\(number(window.duration / 3_600)) hours"
    }
}
