/// A client configuration that cannot be used: a bad URL, an unreadable secret or CA file.
///
/// The message names the file or the option, never a secret's content.
public struct PrometheusConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
