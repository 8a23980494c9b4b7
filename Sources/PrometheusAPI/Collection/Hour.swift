/// The hours of the profiles file's hourly series: `(end − 1h, end]`, labelled by their end, so
/// that a window ending on the hour has exactly one point per hour.
enum Hour {
    static let seconds: Double = 3600

    /// The end of the hour holding `time`, unix seconds.
    static func end(of time: Double) -> Int64 {
        Int64((time / seconds).rounded(.up)) * Int64(seconds)
    }

    /// The ends of the hours the window's steps fall in, oldest first, each once.
    static func ends(of plan: CollectionPlan) -> [Int64] {
        var ends: [Int64] = []
        for step in 1...plan.stepCount {
            let end = end(of: plan.time(ofStep: step))
            if ends.last != end { ends.append(end) }
        }
        return ends
    }
}
