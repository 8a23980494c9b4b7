import Profiles
import StewardPlanner

extension Runner {
    /// The usage profiles of the run: the configured file, or collected from Prometheus now.
    func observe(_ observation: ObservationSettings, cluster: String?) async throws(StewardError)
        -> UsageProfiles
    {
        switch observation {
        case .profiles(let path):
            return try InputLoader.profiles(from: path)
        case .prometheus(let settings):
            // The window ends at the run's moment, so a run looks at the usage up to now.
            return try await ProfileObservation.collect(
                ProfileCollectRequest(
                    prometheus: settings.url, window: settings.window, step: settings.step,
                    at: String(Int(request.now.timeIntervalSince1970)), cluster: cluster,
                    clusterLabel: settings.clusterLabel, tokenFile: settings.tokenFile,
                    basicAuthFile: settings.basicAuthFile, caFile: settings.caFile, timeout: settings.timeout)
            ).profiles
        }
    }
}
