import Foundation

/// The `Retry-After` header of an HTTP answer (RFC 9110, section 10.2.3).
package enum RetryAfter {
    /// The wait the header asks for: delay-seconds or an HTTP-date, the latter counted from
    /// `now`; nil when it is neither.
    package static func wait(_ value: String, now: Date) -> Duration? {
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(Int64((max(0, date.timeIntervalSince(now)) * 1000).rounded(.up)))
    }
}
