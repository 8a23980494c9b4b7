/// The options of `steward profile collect`, as typed on the command line.
public struct ProfileCollectRequest: Sendable {
    public var prometheus: String
    public var window: String
    public var step: String
    /// Unix seconds or an RFC 3339 time; nil for now.
    public var at: String?
    public var cluster: String?
    public var clusterLabel: String?
    public var rateWindow: String?
    public var tokenFile: String?
    public var basicAuthFile: String?
    public var caFile: String?
    public var timeout: String
    /// The file to write; nil for standard output.
    public var output: String?

    public init(
        prometheus: String, window: String = "7d", step: String = "5m", at: String? = nil,
        cluster: String? = nil, clusterLabel: String? = nil, rateWindow: String? = nil,
        tokenFile: String? = nil,
        basicAuthFile: String? = nil, caFile: String? = nil, timeout: String = "30s", output: String? = nil
    ) {
        self.prometheus = prometheus
        self.window = window
        self.step = step
        self.at = at
        self.cluster = cluster
        self.clusterLabel = clusterLabel
        self.rateWindow = rateWindow
        self.tokenFile = tokenFile
        self.basicAuthFile = basicAuthFile
        self.caFile = caFile
        self.timeout = timeout
        self.output = output
    }
}
