/// The hours of the profiles file's hourly series (`memorySeries`, `certificateExpirySeries`):
/// `(end − 1h, end]`, labelled by their end, so that a window ending on the hour has exactly one
/// point per hour.
enum Hour {
    static let seconds: Double = 3600

    /// The end of the hour holding `time`, unix seconds.
    static func end(of time: Double) -> Int64 {
        Int64((time / seconds).rounded(.up)) * Int64(seconds)
    }
}
