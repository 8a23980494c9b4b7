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

    private static func describe(_ days: Set<Weekday>) -> String {
        let sorted = days.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "never" }
        if sorted.count > 2 && last.rawValue - first.rawValue == sorted.count - 1 {
            return "\(first.abbreviation)-\(last.abbreviation)"
        }
        return sorted.map(\.abbreviation).joined(separator: ",")
    }
}
