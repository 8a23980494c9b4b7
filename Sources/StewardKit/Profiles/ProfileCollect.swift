import Foundation
import Logging
import Profiles
import PrometheusAPI
import StewardPlanner

/// `steward profile collect`: usage profiles of every container from Prometheus, written as a
/// profiles file (`docs/profiles.md`) to a file or standard output.
package enum ProfileCollect {
    /// Collects and writes the profiles; warnings (partial responses, failed queries) go to
    /// standard error as `steward: warning: …`, and a summary as the last line.
    ///
    /// - Throws: ``StewardError`` for bad options, or when nothing usable came back; the output
    ///   file is then left as it was.
    package static func run(_ request: ProfileCollectRequest) async throws(StewardError) {
        let options = try collectionOptions(request)
        let configuration = try clientConfiguration(request)
        let started = ContinuousClock.now
        let collection: ProfileCollection
        do {
            collection = try await PrometheusClient.withClient(configuration: configuration) { client in
                try await ProfileCollector(client: client, options: options).collect()
            }
        } catch let error as CollectionError {
            throw StewardError(error.message)
        } catch let error as PrometheusConfigurationError {
            throw StewardError(error.message)
        } catch {
            throw StewardError("profile collect: \(error)")
        }
        let data: Data
        do {
            data = try collection.profiles.encoded() + Data("\n".utf8)
        } catch {
            throw StewardError("cannot encode the profiles: \(error)")
        }
        if let output = request.output {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw StewardError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
        for warning in collection.warnings {
            FileHandle.standardError.write(Data("steward: warning: \(warning)\n".utf8))
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let profiles = collection.profiles.profiles
        let summary =
            "steward: collected \(profiles.count) profiles (\(collection.insufficientCount) insufficient) "
            + "from \(collection.queries.count) queries in \(String(format: "%.2f", seconds)) s"
            + (request.output.map { ", wrote \($0)" } ?? "")
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }

    static func collectionOptions(_ request: ProfileCollectRequest) throws(StewardError) -> CollectionOptions
    {
        let window = try duration(request.window, option: "--window")
        let step = try duration(request.step, option: "--step")
        guard step <= window else {
            throw StewardError("--step \(request.step) is longer than --window \(request.window)")
        }
        let rateWindow = try request.rateWindow.map { (text) throws(StewardError) in
            try duration(text, option: "--rate-window")
        }
        if let rateWindow, rateWindow < step {
            throw StewardError(
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
            throw StewardError("--token-file and --basic-auth-file exclude each other")
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
            throw StewardError(error.message)
        }
    }

    private static func duration(_ text: String, option: String) throws(StewardError) -> PrometheusDuration {
        guard let duration = PrometheusDuration(text) else {
            throw StewardError("\(option) \(text): expected a duration such as 30s, 5m, 1h30m or 7d")
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
        throw StewardError(
            "--at \(text): expected unix seconds or an RFC 3339 time such as 2026-09-23T00:00:00Z")
    }
}
