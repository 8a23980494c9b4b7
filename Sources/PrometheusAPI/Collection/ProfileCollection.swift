import Profiles

/// The outcome of ``ProfileCollector/collect(now:)``: the profiles file and how it was made.
public struct ProfileCollection: Sendable {
    public var profiles: UsageProfiles
    /// Every query sent, in the order they finished.
    public var queries: [QueryRecord]
    /// Server warnings and failed queries that left some numbers out (also in
    /// `profiles.source.warnings`).
    public var warnings: [String]

    /// Profiles marked insufficient.
    public var insufficientCount: Int {
        profiles.profiles.count { !$0.isSufficient }
    }
}
