import Foundation

/// The text forms of schedule windows: days `Mon-Fri`, `Mon,Wed,Fri`, `Sat`; hours `09:00-17:00`.
enum ScheduleSyntax {
    /// The days a text names: a range (wrapping past Sunday, as in `Fri-Mon`), a comma list, or one day.
    static func days(_ text: String) -> Set<Weekday>? {
        var days: Set<Weekday> = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 1 || ends.count == 2, let first = Weekday(name: ends[0]),
                let last = Weekday(name: ends[ends.count - 1])
            else { return nil }
            var day = first
            days.insert(day)
            while day != last {
                day = day.next
                days.insert(day)
            }
        }
        return days.isEmpty ? nil : days
    }

    /// Start and end minutes of `HH:MM-HH:MM` (end up to 24:00, after the start).
    static func hours(_ text: String) -> (Int, Int)? {
        let ends = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end else {
            return nil
        }
        return (start, end)
    }

    private static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
            let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
            hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }
}
