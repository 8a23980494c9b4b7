/// Where a run gets its usage profiles: a profiles file written by `steward profile collect`
/// (or any tool that writes the format), or Prometheus queried during the run.
package enum ObservationSettings: Sendable, Equatable {
    /// A profiles file (`docs/profiles.md`).
    case profiles(path: String)
    /// Prometheus (or Thanos Query, Mimir), collected like `steward profile collect` does.
    case prometheus(PrometheusSettings)
}

/// How a run queries Prometheus; the fields are those of `steward profile collect`.
package struct PrometheusSettings: Sendable, Equatable {
    package var url: String
    package var window: String
    package var step: String
    package var clusterLabel: String?
    package var tokenFile: String?
    package var basicAuthFile: String?
    package var caFile: String?
    package var timeout: String

    /// Describes a Prometheus source; only the URL is required.
    package init(
        url: String, window: String = "7d", step: String = "5m", clusterLabel: String? = nil,
        tokenFile: String? = nil, basicAuthFile: String? = nil, caFile: String? = nil, timeout: String = "30s"
    ) {
        self.url = url
        self.window = window
        self.step = step
        self.clusterLabel = clusterLabel
        self.tokenFile = tokenFile
        self.basicAuthFile = basicAuthFile
        self.caFile = caFile
        self.timeout = timeout
    }
}
