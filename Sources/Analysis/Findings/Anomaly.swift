import Profiles

/// Something that began in the window: restarts, OOM kills, failing probes, or a certificate
/// that expires soon after it was replaced. Carries the numbers before and after its onset.
public struct Anomaly: Codable, Sendable, Hashable {
    public enum Signal: String, Codable, Sendable, Hashable {
        /// Container restarts (a crash loop when they keep coming).
        case restarts
        /// OOM kills.
        case oomKills
        /// `probe_success` below the threshold.
        case probeFailure
        /// `probe_ssl_earliest_cert_expiry` dropped to within the warning period after a new
        /// certificate chain appeared.
        case certificateExpiry
    }

    public var signal: Signal
    /// The container (restarts, OOM kills) or the probed URL (probes, certificates).
    public var source: String
    /// The first step of the series with the anomaly, as the end of its interval `(t − step, t]`,
    /// unix seconds; for a certificate, when the new chain was first seen.
    public var onset: Double
    /// The series' step, seconds: the onset is known to within one step.
    public var step: Double
    /// The number before and after the onset: restarts or OOM kills counted over ``baselineSeconds``
    /// before and over the rest of the window after; the mean success share of probes; the
    /// certificate's expiry (unix s) of the old and the new chain.
    public var before: Double
    public var after: Double
    /// How long the quiet stretch before the onset is, and how long the window runs after it.
    public var baselineSeconds: Double
    public var afterSeconds: Double
    /// The last step with the anomaly (a count, a failing probe), as the end of its interval,
    /// unix seconds; nil for a certificate, which stays until it is replaced.
    public var lastSeen: Double?

    public init(
        signal: Signal, source: String, onset: Double, step: Double, before: Double, after: Double,
        baselineSeconds: Double, afterSeconds: Double, lastSeen: Double? = nil
    ) {
        self.signal = signal
        self.source = source
        self.onset = onset
        self.step = step
        self.before = before
        self.after = after
        self.baselineSeconds = baselineSeconds
        self.afterSeconds = afterSeconds
        self.lastSeen = lastSeen
    }

    /// Whether the anomaly was still seen within `quietSeconds` of the end of its series: an
    /// incident not yet over. One never seen again after that long is over.
    public func isOngoing(quietSeconds: Double) -> Bool {
        guard let lastSeen else { return true }
        return lastSeen > onset - step + afterSeconds - quietSeconds
    }

    /// The anomaly in words with its before and after numbers.
    public var description: String {
        let baseline = Text.duration(baselineSeconds)
        let rest = Text.duration(afterSeconds)
        switch signal {
        case .restarts:
            return "\(source): \(Text.number(before)) restarts in the \(baseline) before, "
                + "\(Text.number(after)) in the \(rest) after \(Text.time(onset - step))"
        case .oomKills:
            return "\(source): \(Text.number(before)) OOM kills in the \(baseline) before, "
                + "\(Text.number(after)) in the \(rest) after \(Text.time(onset - step))"
        case .probeFailure:
            return
                "\(source): probes succeeded \(Text.percent(before)) of the time in the \(baseline) before, "
                + "\(Text.percent(after)) in the \(rest) after \(Text.time(onset - step))"
        case .certificateExpiry:
            return "\(source): the certificate served since \(Text.time(onset)) expires \(Text.time(after)), "
                + "the one before expired \(Text.time(before))"
        }
    }
}
