import Foundation

/// Removes secrets from text that may reach a log or an error message.
public struct Redactor: Sendable {
    private let secrets: [String]

    public init(secrets: [String]) {
        // Longest first, so that a secret containing another is replaced whole.
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `<redacted>` and URL credentials removed.
    public func callAsFunction(_ text: String) -> String {
        var text = text
        for secret in secrets {
            text = text.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return text
    }

    /// `url` without a `user:password@` part, which would otherwise be shown with the endpoint.
    public static func url(_ url: String) -> String {
        let authorityStart = url.range(of: "://")?.upperBound ?? url.startIndex
        let authority = url[authorityStart...]
        let authorityEnd = authority.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let at = authority[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + "<redacted>@" + String(url[url.index(after: at)...])
    }
}
