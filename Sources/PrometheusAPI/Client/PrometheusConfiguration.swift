import ClientSupport
import Foundation

/// Where Prometheus (or Thanos Query, Mimir, any server of the same HTTP API) is, and how to talk
/// to it.
public struct PrometheusConfiguration: Sendable {
    /// The server's base URL without `/api/v1`, e.g. `http://prometheus:9090` or
    /// `https://mimir.example/prometheus`. A path prefix is kept.
    public var baseURL: String
    public var authentication: PrometheusAuthentication
    /// A PEM file of CA certificates trusted instead of the system's, for a private CA.
    public var caFile: String?
    /// How long one request may take, connect, query and body included.
    public var timeout: Duration
    public var retry: RetryPolicy
    /// The largest response body accepted; a larger one fails its query rather than the process.
    public var maxResponseBytes: Int
    /// Extra HTTP headers, e.g. `X-Scope-OrgID` for a multi-tenant Mimir or Cortex.
    public var headers: [String: String]

    /// - Throws: ``PrometheusConfigurationError`` when `baseURL` is not an http(s) URL.
    public init(
        baseURL: String, authentication: PrometheusAuthentication = .none, caFile: String? = nil,
        timeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy(),
        maxResponseBytes: Int = 1 << 30, headers: [String: String] = [:]
    ) throws(PrometheusConfigurationError) {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") {
            trimmed.removeLast()
        }
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            throw PrometheusConfigurationError(
                "--prometheus \(Redactor.url(baseURL)): expected an http:// or https:// URL")
        }
        guard components.user == nil, components.password == nil else {
            throw PrometheusConfigurationError(
                "--prometheus \(Redactor.url(baseURL)): put credentials in --basic-auth-file, not in the URL")
        }
        guard components.query == nil, components.fragment == nil else {
            throw PrometheusConfigurationError(
                "--prometheus \(Redactor.url(baseURL)): expected a base URL without query or fragment")
        }
        self.baseURL = trimmed
        self.authentication = authentication
        self.caFile = caFile
        self.timeout = timeout
        self.retry = retry
        self.maxResponseBytes = maxResponseBytes
        self.headers = headers
    }

    /// The URL of an API endpoint, e.g. `…/api/v1/query_range`.
    func endpoint(_ path: String) -> String {
        baseURL + "/api/v1/" + path
    }
}
