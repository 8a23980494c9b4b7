import Foundation
import Profiles
import PrometheusAPI

/// Usage profiles collected from Prometheus now, as `steward profile collect` and a run that
/// observes Prometheus both do.
package enum ProfileObservation {
    /// Collects the profiles `request` asks for.
    /// - Throws: ``StewardError`` for options that cannot be used, or when Prometheus gave nothing
    ///   usable.
    package static func collect(_ request: ProfileCollectRequest) async throws(StewardError)
        -> ProfileCollection
    {
        let options = try collectionOptions(request)
        let configuration = try clientConfiguration(request)
        do {
            return try await PrometheusClient.withClient(configuration: configuration) { client in
                try await ProfileCollector(client: client, options: options).collect()
            }
        } catch {
            throw StewardError(error, context: "cannot collect the usage profiles from Prometheus")
        }
    }

    static func collectionOptions(_ request: ProfileCollectRequest) throws(StewardError) -> CollectionOptions
    {
        let window = try duration(request.window, option: "--window")
        let step = try duration(request.step, option: "--step")
        guard step <= window else {
            throw .invalidInput("--step \(request.step) is longer than --window \(request.window)")
        }
        let rateWindow = try request.rateWindow.map { (text) throws(StewardError) in
            try duration(text, option: "--rate-window")
        }
        if let rateWindow, rateWindow < step {
            throw .invalidInput(
                "--rate-window \(rateWindow) is shorter than --step \(step): some usage would be missed")
        }
        return CollectionOptions(
            window: window, step: step,
            end: try request.at.map { (text) throws(StewardError) in try time(text) },
            clusterLabel: request.clusterLabel, cluster: request.cluster, rateWindow: rateWindow,
            collector: "steward \(StewardVersion.current)")
    }

    static func clientConfiguration(_ request: ProfileCollectRequest) throws(StewardError)
        -> PrometheusConfiguration
    {
        guard request.tokenFile == nil || request.basicAuthFile == nil else {
            throw .invalidInput("--token-file and --basic-auth-file exclude each other")
        }
        let timeout = try duration(request.timeout, option: "--timeout")
        do throws(PrometheusConfigurationError) {
            var authentication = PrometheusAuthentication.none
            if let file = request.tokenFile {
                authentication = try PrometheusAuthentication.bearerToken(fromFile: file)
            } else if let file = request.basicAuthFile {
                authentication = try PrometheusAuthentication.basic(fromFile: file)
            }
            if let caFile = request.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
                throw PrometheusConfigurationError("cannot read the CA file \(caFile)")
            }
            return try PrometheusConfiguration(
                baseURL: request.prometheus, authentication: authentication, caFile: request.caFile,
                timeout: .milliseconds(timeout.milliseconds))
        } catch {
            throw .prometheusConfiguration(error)
        }
    }

    private static func duration(_ text: String, option: String) throws(StewardError) -> PrometheusDuration {
        guard let duration = PrometheusDuration(text) else {
            throw .invalidInput("\(option) \(text): expected a duration such as 30s, 5m, 1h30m or 7d")
        }
        return duration
    }

    /// Unix seconds (`1790121600`, `1790121600.5`) or RFC 3339 (`2026-09-23T00:00:00Z`).
    static func time(_ text: String) throws(StewardError) -> Double {
        if let seconds = Double(text), seconds.isFinite, seconds > 0 {
            return seconds
        }
        for format in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = try? format.parse(text) {
                return date.timeIntervalSince1970
            }
        }
        throw .invalidInput(
            "--at \(text): expected unix seconds or an RFC 3339 time such as 2026-09-23T00:00:00Z")
    }
}
