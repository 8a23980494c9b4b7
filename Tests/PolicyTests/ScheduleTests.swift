import Foundation
import Policy
import Testing

/// Publishing windows: weekdays and hours in a time zone, daylight saving time included.
@Suite struct ScheduleTests {
    static func schedule(_ windows: String, timeZone: String = "Europe/Berlin") throws -> PolicySchedule {
        let policy = try Fixtures.policy(
            """
              schedule:
                timeZone: \(timeZone)
                windows:
            \(windows)
              rules: []

            """)
        return try #require(policy.schedule)
    }

    static func date(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    @Test(arguments: [
        ("2026-07-02T06:59:59Z", false),  // Thursday 08:59:59 CEST
        ("2026-07-02T07:00:00Z", true),  // Thursday 09:00 CEST
        ("2026-07-02T14:59:00Z", true),
        ("2026-07-02T15:00:00Z", false),  // 17:00 CEST: the end is exclusive
        ("2026-07-03T10:00:00Z", true),  // Friday
        ("2026-07-04T10:00:00Z", false),  // Saturday
        ("2026-01-05T08:00:00Z", true),  // Monday 09:00 CET (winter)
        ("2026-01-05T07:59:00Z", false),
        ("2026-03-29T08:00:00Z", false),  // Sunday of the switch to summer time
        ("2026-03-30T07:00:00Z", true),  // Monday 09:00 CEST
    ])
    func weekdayHoursWindowsFollowTheTimeZone(time: String, open: Bool) throws {
        let schedule = try Self.schedule("      - {days: Mon-Fri, hours: \"09:00-17:00\"}")
        #expect(schedule.isOpen(at: try Self.date(time)) == open)
    }

    @Test func severalWindowsDayListsAndRangesAcrossTheWeekend() throws {
        let schedule = try Self.schedule(
            """
                  - {days: [Sat, sun], hours: "10:00-12:00"}
                  - {days: "Fri-Mon", hours: "00:00-24:00"}
                  - {days: "Tue,Thu", hours: "13:30-14:00"}
            """, timeZone: "UTC")
        #expect(schedule.description == "Sat,Sun 10:00-12:00, Fri-Mon 00:00-24:00, Tue,Thu 13:30-14:00 (UTC)")
        #expect(schedule.windows[1].days == [.friday, .saturday, .sunday, .monday])
        #expect(schedule.isOpen(at: try Self.date("2026-07-06T23:59:00Z")))  // Monday
        #expect(!schedule.isOpen(at: try Self.date("2026-07-07T10:00:00Z")))  // Tuesday
        #expect(schedule.isOpen(at: try Self.date("2026-07-07T13:45:00Z")))
        #expect(!schedule.isOpen(at: try Self.date("2026-07-08T13:45:00Z")))  // Wednesday
    }

    @Test func withoutAScheduleAPolicyNeverHoldsPublishingBack() throws {
        let policy = try Fixtures.policy("  rules: []\n")
        #expect(policy.schedule == nil)
    }

    @Test func weekdaysParseByAbbreviationOrFullName() {
        #expect(Weekday(name: "mon") == .monday)
        #expect(Weekday(name: "Sunday") == .sunday)
        #expect(Weekday(name: "Mo") == nil)
    }
}
