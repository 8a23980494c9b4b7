import ClientSupport

/// Where Argo CD's API server is and how Steward authenticates to it.
///
/// The token is an Argo CD local account's API key or a project role's JWT, read from a mounted
/// Secret by the caller; it is sent as `Authorization: Bearer` and never appears in a log line
/// or an error.
public struct ArgoCDConfiguration: Sendable {
    /// `https://argocd.example.com`, without a trailing slash.
    public var server: String
    /// The bearer token.
    public var token: String
    /// A PEM file of the certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// The namespace Argo CD itself runs in; Applications elsewhere are addressed with
    /// `appNamespace`.
    public var namespace: String
    /// How long one request may take.
    public var requestTimeout: Duration
    /// How reads are retried; a call that changes something is sent once.
    public var retry: RetryPolicy

    /// Describes a server; a trailing slash of `server` is dropped.
    public init(
        server: String, token: String, caFile: String? = nil, namespace: String = "argocd",
        requestTimeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy()
    ) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.token = token
        self.caFile = caFile
        self.namespace = namespace
        self.requestTimeout = requestTimeout
        self.retry = retry
    }
}
