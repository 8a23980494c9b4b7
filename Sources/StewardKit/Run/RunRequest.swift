import Foundation
import StewardPlanner

/// What `steward run` is asked to do.
package struct RunRequest: Sendable {
    package var configuration: StewardConfiguration
    /// Fetch, plan, build and check the commits, decide, report; push nothing and write nothing
    /// to the forge.
    package var dryRun: Bool
    /// The moment of the run: the policy's schedule and the commit dates use it.
    package var now: Date

    package init(configuration: StewardConfiguration, dryRun: Bool = false, now: Date = Date()) {
        self.configuration = configuration
        self.dryRun = dryRun
        self.now = now
    }
}
