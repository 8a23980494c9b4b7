/// A failure of the Prometheus test support: a missing tool, a failed backfill, a server that
/// did not start. The message says what to do.
public struct PrometheusSupportError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
