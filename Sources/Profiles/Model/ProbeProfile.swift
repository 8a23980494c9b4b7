/// What a blackbox prober saw of one target URL over the window: whether the probes succeeded,
/// when the served certificate expires, and which certificate chains were served.
///
/// A probe is tied to workloads through the repository, not through labels: it belongs to the
/// Ingress whose host matches the target's host, and so to that Ingress's TLS secret, its
/// Certificate and its backend workloads (`docs/analysis.md`).
public struct ProbeProfile: Codable, Sendable, Equatable {
    /// The probed URL, the blackbox exporter's `instance` label, e.g. `https://shop.example.com/healthz`.
    public var target: String
    /// The share of successful probes (`probe_success`) in each step `(t − step, t]`, 0…1.
    public var successSeries: Series?
    /// `probe_ssl_earliest_cert_expiry` in each step: the earliest expiry, unix seconds, of the
    /// chain served at the step's last probe.
    public var certificateExpirySeries: Series?
    /// Every certificate chain seen (`probe_ssl_last_chain_info`), by its leaf fingerprint,
    /// oldest first.
    public var certificates: [CertificateSighting]?

    public init(
        target: String, successSeries: Series? = nil, certificateExpirySeries: Series? = nil,
        certificates: [CertificateSighting]? = nil
    ) {
        self.target = target
        self.successSeries = successSeries
        self.certificateExpirySeries = certificateExpirySeries
        self.certificates = certificates
    }

    /// The host of ``target``, lowercased, without user, port or path; nil when it has none.
    public var host: String? {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority
        let host: Substring
        if hostAndPort.hasPrefix("[") {
            host = hostAndPort.prefix { $0 != "]" }.dropFirst()
        } else {
            host = hostAndPort.prefix { $0 != ":" }
        }
        return host.isEmpty ? nil : host.lowercased()
    }
}

/// One certificate chain a probe was served, and when.
public struct CertificateSighting: Codable, Sendable, Equatable {
    /// The leaf certificate's SHA-256 fingerprint, the `fingerprint_sha256` label.
    public var fingerprint: String
    /// The first and the last step at which the probe was served this chain, unix seconds.
    public var first: Double
    public var last: Double

    public init(fingerprint: String, first: Double, last: Double) {
        self.fingerprint = fingerprint
        self.first = first
        self.last = last
    }
}
