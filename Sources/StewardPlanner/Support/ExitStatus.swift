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
