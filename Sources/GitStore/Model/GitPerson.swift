import Foundation

/// An author or committer: a name, an email address, and the moment with its time-zone offset.
public struct GitPerson: Hashable, Sendable {
    /// The display name (`Steward Bot`).
    public var name: String
    /// The email address, without angle brackets.
    public var email: String
    /// The moment of authoring or committing, to the second.
    public var date: Date
    /// The time-zone offset in minutes east of UTC that Git records next to the time.
    public var timeZoneOffsetMinutes: Int

    /// Makes a person; the date defaults to now and the offset to UTC.
    public init(name: String, email: String, date: Date = Date(), timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }
}
