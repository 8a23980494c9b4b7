/// The steps at which one pod's container was crash-looping: its CPU and memory there describe
/// a broken run (starts, exits, back-off), not what the container needs, so they are left out of
/// its profile.
///
/// A crash loop is at least ``minimumRestarts`` restarts that are not OOM kills, each within
/// ``maximumGapSeconds`` of the one before; its span runs from the step of its first restart to
/// the step of its last. OOM kills are never a crash loop here: the usage before a kill is what
/// the memory limit must be sized from.
struct CrashLoopSpans: Sendable {
    static let minimumRestarts = 3
    static let maximumGapSeconds = 3600.0

    /// Ascending, disjoint.
    let spans: [ClosedRange<Int>]

    /// The spans of the restarts per step (`restarts`) that the OOM kills per step (`oomKills`)
    /// do not account for.
    init(restarts: [Int: Int], oomKills: [Int: Int], stepSeconds: Double) {
        let crashes = restarts.compactMap { step, count -> (step: Int, count: Int)? in
            let left = count - (oomKills[step] ?? 0)
            return left > 0 ? (step, left) : nil
        }.sorted { $0.step < $1.step }
        let maximumGap = Int((Self.maximumGapSeconds / stepSeconds).rounded(.down))
        var spans: [ClosedRange<Int>] = []
        var run: (first: Int, last: Int, count: Int)?
        func close() {
            if let run, run.count >= Self.minimumRestarts { spans.append(run.first...run.last) }
        }
        for crash in crashes {
            if let current = run, crash.step - current.last <= maximumGap {
                run = (current.first, crash.step, current.count + crash.count)
            } else {
                close()
                run = (crash.step, crash.step, crash.count)
            }
        }
        close()
        self.spans = spans
    }

    func contains(_ step: Int) -> Bool {
        spans.contains { $0.contains(step) }
    }
}
