/// A target URL probed by the blackbox exporter over the history, as Prometheus scrapes it with
/// the exporter's usual relabelling (the target URL becomes `instance`): `probe_success`,
/// `probe_ssl_earliest_cert_expiry` and `probe_ssl_last_chain_info{fingerprint_sha256}`.
///
/// Probes run every ``interval`` seconds at ``offset`` seconds past the interval, so that no
/// probe falls on a 5-minute step boundary, as with a real scrape offset: which step a probe
/// belongs to is never in doubt.
public struct BlackboxProbe: Sendable, Hashable {
    /// A certificate chain served from `from` (unix seconds) on, until the next one's `from`.
    public struct Certificate: Sendable, Hashable {
        /// The leaf certificate's SHA-256 fingerprint, hex.
        public var fingerprint: String
        public var subject: String
        public var from: Int64
        /// The chain's earliest expiry, unix seconds.
        public var expiry: Int64

        public init(fingerprint: String, subject: String, from: Int64, expiry: Int64) {
            self.fingerprint = fingerprint
            self.subject = subject
            self.from = from
            self.expiry = expiry
        }
    }

    public var cluster: String
    public var target: String
    /// Probes fail from this time on (unix seconds, a multiple of 5 minutes); nil for never.
    public var failingFrom: Int64?
    /// The chains served, oldest first; empty for plain http.
    public var certificates: [Certificate]
    public var interval: Int64 = 60
    public var offset: Int64 = 17

    public init(cluster: String, target: String, failingFrom: Int64? = nil, certificates: [Certificate]) {
        self.cluster = cluster
        self.target = target
        self.failingFrom = failingFrom
        self.certificates = certificates
    }

    /// The probe times in `[from, to]`, oldest first.
    public func times(from: Int64, to: Int64) -> [Int64] {
        var time = (from - offset + interval - 1) / interval * interval + offset
        var times: [Int64] = []
        while time <= to {
            times.append(time)
            time += interval
        }
        return times
    }

    public func succeeds(at time: Int64) -> Bool {
        failingFrom.map { time < $0 } ?? true
    }

    /// The chain served at `time`, if any.
    public func certificate(at time: Int64) -> Certificate? {
        certificates.last { $0.from <= time }
    }
}
