/// A day of the week, as schedule windows name it (`Mon` … `Sun`).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 1
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    /// The three-letter name used in policy files.
    public var abbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    /// The day named `text` (`Mon`, `monday`, case-insensitive).
    public init?(name text: String) {
        let lowered = text.lowercased()
        guard
            let day = Weekday.allCases.first(where: {
                lowered == $0.abbreviation.lowercased() || lowered == $0.fullName
            })
        else { return nil }
        self = day
    }

    // `allCases` lists Monday first, so a day's index in it is its raw value minus one.

    /// The day of a Foundation `Calendar` weekday number (1 = Sunday … 7 = Saturday).
    init(calendarWeekday: Int) {
        self = Self.allCases[(calendarWeekday + 5) % 7]
    }

    /// The day after, Monday after Sunday.
    var next: Weekday { Self.allCases[rawValue % 7] }

    /// The day before, Sunday before Monday.
    var previous: Weekday { Self.allCases[(rawValue + 5) % 7] }

    private var fullName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
