/// A failure the CLI reports as one `steward: error: …` line (or a few, for YAML carets) and an
/// exit code.
package struct StewardError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var exitCode: ExitStatus

    package init(_ message: String, exitCode: ExitStatus = .failure) {
        self.message = message
        self.exitCode = exitCode
    }

    package var description: String { message }
}

/// Exit codes, documented in the README.
package enum ExitStatus: Int32, Sendable {
    /// Success, or nothing to do.
    case success = 0
    /// A failure: bad input, an unreachable service, a refused push.
    case failure = 1
    /// Wrong usage: an unknown option, a missing argument.
    case usage = 2
    /// With `--exit-code`: the run succeeded and proposes changes.
    case changesProposed = 3
}
