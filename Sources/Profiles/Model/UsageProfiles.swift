/// The profiles file: usage profiles of every container over one window.
///
/// Written by `steward profile collect` in the cluster and read by `steward plan --profiles`
/// next to the repository, so the two can run apart. See `docs/profiles.md`.
public struct UsageProfiles: Codable, Sendable, Equatable {
    /// The only `apiVersion` this version of Steward reads and writes.
    public static let apiVersion = "steward.dev/v1"
    /// The only `kind` of a profiles file.
    public static let kind = "UsageProfiles"

    public var apiVersion: String
    public var kind: String
    public var window: Window
    /// Where the profiles came from: the tool, the Prometheus URL, the queries, warnings.
    public var source: ProfileSource?
    public var profiles: [UsageProfile]
    /// Blackbox probe results per target URL, when the collector had them.
    public var probes: [ProbeProfile]?

    public init(
        window: Window, source: ProfileSource? = nil, profiles: [UsageProfile], probes: [ProbeProfile]? = nil
    ) {
        self.apiVersion = Self.apiVersion
        self.kind = Self.kind
        self.window = window
        self.source = source
        self.profiles = profiles
        self.probes = probes
    }
}

/// A time window in unix seconds, `start` inclusive and `end` exclusive.
public struct Window: Codable, Sendable, Equatable {
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// The window's length in seconds.
    public var duration: Double { end - start }
}
