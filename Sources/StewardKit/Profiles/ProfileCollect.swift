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
        let started = ContinuousClock.now
        let collection = try await ProfileObservation.collect(request)
        let data: Data
        do {
            data = try collection.profiles.encoded() + Data("\n".utf8)
        } catch {
            throw .failed("cannot encode the profiles: \(error)")
        }
        if let output = request.output {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw .file(path: output, action: "write", reason: error.localizedDescription)
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
}
