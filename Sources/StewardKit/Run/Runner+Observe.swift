import Foundation
import Profiles
import PrometheusAPI
import StewardPlanner

extension Runner {
    /// The usage profiles of the run: the configured file, or collected from Prometheus now.
    func observe(_ configuration: RunConfiguration) async throws(StewardError) -> UsageProfiles {
        switch configuration.observe {
        case .profiles(let path):
            do {
                return try UsageProfiles.load(from: path)
            } catch {
                throw StewardError(error.description)
            }
        case .prometheus(let settings):
            // The window ends at the run's moment, so a run looks at the usage up to now.
            let request = ProfileCollectRequest(
                prometheus: settings.url, window: settings.window, step: settings.step,
                at: String(Int(self.request.now.timeIntervalSince1970)),
                cluster: configuration.cluster, clusterLabel: settings.clusterLabel,
                tokenFile: settings.tokenFile,
                basicAuthFile: settings.basicAuthFile, caFile: settings.caFile, timeout: settings.timeout)
            let options = try ProfileCollect.collectionOptions(request)
            let client = try ProfileCollect.clientConfiguration(request)
            let collection: ProfileCollection
            do {
                collection = try await PrometheusClient.withClient(configuration: client) { client in
                    try await ProfileCollector(client: client, options: options).collect()
                }
            } catch let error as CollectionError {
                throw StewardError(error.message)
            } catch {
                throw StewardError("cannot collect the usage profiles from Prometheus: \(error)")
            }
            return collection.profiles
        }
    }
}
