import Foundation

/// When `run` may publish (`spec.schedule`): weekly windows in a time zone. Outside every
/// window, `run` only plans.
public struct PolicySchedule: Sendable, Hashable, CustomStringConvertible {
    public var timeZone: TimeZone
    /// The time zone as the policy names it (Foundation may report `UTC` as `GMT`).
    public var timeZoneName: String
    public var windows: [ScheduleWindow]

    public init(timeZone: TimeZone, timeZoneName: String? = nil, windows: [ScheduleWindow]) {
        self.timeZone = timeZone
        self.timeZoneName = timeZoneName ?? timeZone.identifier
        self.windows = windows
    }

    /// Whether some window is open at `date`.
    public func isOpen(at date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let day = Weekday(calendarWeekday: parts.weekday ?? 1)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return windows.contains { $0.contains(day: day, minute: minute) }
    }

    /// `Mon-Fri 09:00-17:00, Sat 10:00-12:00 (Europe/Berlin)`.
    public var description: String {
        windows.map(\.description).joined(separator: ", ") + " (\(timeZoneName))"
    }
}
