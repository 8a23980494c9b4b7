import Foundation

/// What `steward run` is asked to do.
public struct RunRequest: Sendable {
    public var configuration: RunConfiguration
    /// Fetch, plan, build and check the commits, decide, report; push nothing and write nothing
    /// to the forge.
    public var dryRun: Bool
    /// The moment of the run: the policy's schedule and the commit dates use it.
    public var now: Date

    public init(configuration: RunConfiguration, dryRun: Bool = false, now: Date = Date()) {
        self.configuration = configuration
        self.dryRun = dryRun
        self.now = now
    }
}
