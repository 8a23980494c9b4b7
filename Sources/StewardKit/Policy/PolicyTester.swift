import Policy
import StewardPlanner

/// `steward policy test`: runs the cases under a folder and says whether the run passed.
package enum PolicyTester {
    /// Runs every policy test file under `directory`.
    /// - Returns: the report (one line per case, the load errors, a summary line), and the error
    ///   to exit with when a case failed or a file did not load.
    package static func run(directory: String) -> (report: String, failure: StewardError?) {
        let run = PolicyTestRun.run(directory: directory)
        guard !run.passed else { return (run.report, nil) }
        if run.failedCount > 0 {
            return (
                run.report,
                StewardError.policyTestsFailed(failed: run.failedCount, total: run.results.count)
            )
        }
        return (run.report, StewardError.failed("the policy tests under \(directory) cannot run (see above)"))
    }
}
