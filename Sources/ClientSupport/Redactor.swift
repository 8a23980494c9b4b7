import Foundation

/// Removes secrets from text that may reach a log or an error message.
///
/// Every client of a remote service redacts through this type, so that a URL is shown the same
/// way in a Git error, a forge error and a Prometheus error.
public struct Redactor: Sendable {
    /// What stands in a message where a secret was.
    public static let placeholder = "<redacted>"

    private let secrets: [String]

    /// A redactor of `secrets`; empty strings are ignored.
    public init(secrets: [String]) {
        // Longest first, so that a secret containing another is replaced whole.
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `<redacted>`.
    public func callAsFunction(_ text: String) -> String {
        var text = text
        for secret in secrets {
            text = text.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return text
    }

    /// `url` with its credentials replaced by `<redacted>`, for messages that name a remote.
    ///
    /// - `https://user:token@host/x` and `https://token@host/x` become `https://<redacted>@host/x`:
    ///   over HTTP a token may stand where the user name is.
    /// - `ssh://git@host/x` and `git@host:x` are kept: an SSH user name alone is no secret, and
    ///   it tells which account the key was offered for. With a password, `ssh://git:pw@host/x`
    ///   and `git:pw@host:x` become `ssh://<redacted>@host/x` and `<redacted>@host:x`.
    /// - An `@` in the path, query or fragment (`…/query?x=a@b`) is not user information.
    public static func url(_ url: String) -> String {
        let scheme = url.range(of: "://")
        let authorityStart = scheme?.upperBound ?? url.startIndex
        let authority = url[authorityStart...]
        let authorityEnd = authority.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let at = authority[..<authorityEnd].lastIndex(of: "@") else { return url }
        let userInfo = url[authorityStart..<at]
        // No scheme means scp-like syntax, which only SSH has.
        let isSSH = scheme.map { url[..<$0.lowerBound].lowercased().contains("ssh") } ?? true
        if isSSH && !userInfo.contains(":") { return url }
        return String(url[..<authorityStart]) + placeholder + String(url[at...])
    }
}
