/// The options of `steward profile collect`, as typed on the command line.
package struct ProfileCollectRequest: Sendable {
    package var prometheus: String
    package var window: String
    package var step: String
    /// Unix seconds or an RFC 3339 time; nil for now.
    package var at: String?
    package var cluster: String?
    package var clusterLabel: String?
    package var rateWindow: String?
    package var tokenFile: String?
    package var basicAuthFile: String?
    package var caFile: String?
    package var timeout: String
    /// The file to write; nil for standard output.
    package var output: String?

    package init(
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
