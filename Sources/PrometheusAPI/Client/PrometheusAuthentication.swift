import Foundation

/// How requests to Prometheus authenticate.
///
/// Secrets are read from files (a mounted Kubernetes secret), never from the command line, and
/// never appear in a log line or an error: ``PrometheusError`` redacts them.
public enum PrometheusAuthentication: Sendable, Equatable {
    case none
    /// `Authorization: Bearer <token>`, e.g. a service-account token in front of an auth proxy.
    case bearer(token: String)
    /// `Authorization: Basic …`, e.g. Grafana Cloud, Mimir behind nginx, Prometheus' web config.
    case basic(username: String, password: String)

    /// Reads a bearer token from `path`; surrounding whitespace and the final newline are dropped.
    public static func bearerToken(fromFile path: String) throws(PrometheusConfigurationError)
        -> PrometheusAuthentication
    {
        let token = try readSecret(path, what: "token file")
        return .bearer(token: token)
    }

    /// Reads `username:password` (one line, as curl's `--user` takes it) from `path`.
    public static func basic(fromFile path: String) throws(PrometheusConfigurationError)
        -> PrometheusAuthentication
    {
        let line = try readSecret(path, what: "basic-auth file")
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
            throw PrometheusConfigurationError(
                "basic-auth file \(path): expected one line \"username:password\"")
        }
        return .basic(
            username: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
    }

    /// The value of the `Authorization` header, if any.
    var headerValue: String? {
        switch self {
        case .none:
            return nil
        case .bearer(let token):
            return "Bearer \(token)"
        case .basic(let username, let password):
            return "Basic \(Data("\(username):\(password)".utf8).base64EncodedString())"
        }
    }

    /// Every string that must never be shown: the secret itself and its encoded header forms.
    var secrets: [String] {
        switch self {
        case .none:
            return []
        case .bearer(let token):
            return [token]
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            return [password, encoded].filter { !$0.isEmpty }
        }
    }

    private static func readSecret(_ path: String, what: String) throws(PrometheusConfigurationError)
        -> String
    {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PrometheusConfigurationError("cannot read the \(what) \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PrometheusConfigurationError("the \(what) \(path) is not UTF-8 text")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else {
            throw PrometheusConfigurationError("the \(what) \(path) is empty")
        }
        guard !secret.contains(where: \.isNewline) else {
            throw PrometheusConfigurationError("the \(what) \(path) must hold a single line")
        }
        return secret
    }
}
