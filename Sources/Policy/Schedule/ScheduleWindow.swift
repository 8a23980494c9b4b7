/// Days of the week and a time range on each of them, in the schedule's time zone.
public struct ScheduleWindow: Sendable, Hashable, CustomStringConvertible {
    public var days: Set<Weekday>
    /// Minutes after midnight when the window opens (inclusive).
    public var start: Int
    /// Minutes after midnight when it closes (exclusive); up to 1440.
    public var end: Int

    public init(days: Set<Weekday>, start: Int, end: Int) {
        self.days = days
        self.start = start
        self.end = end
    }

    /// Whether the window is open on `day` at `minute` past midnight.
    public func contains(day: Weekday, minute: Int) -> Bool {
        days.contains(day) && minute >= start && minute < end
    }

    /// `Mon-Fri 09:00-17:00`, `Mon,Wed 10:00-12:00`.
    public var description: String {
        "\(Self.describe(days)) \(Self.clock(start))-\(Self.clock(end))"
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// A run of three or more consecutive days as a range (wrapping past Sunday), else a list.
    private static func describe(_ days: Set<Weekday>) -> String {
        guard days.count < 7 else { return "Mon-Sun" }
        let starts = days.filter { !days.contains($0.previous) }
        if days.count >= 3, starts.count == 1, let first = starts.first {
            var last = first
            while days.contains(last.next) { last = last.next }
            return "\(first.abbreviation)-\(last.abbreviation)"
        }
        return days.sorted().map(\.abbreviation).joined(separator: ",")
    }
}
