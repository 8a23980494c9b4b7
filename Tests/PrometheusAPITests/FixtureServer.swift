import ClientSupport
import Profiles
import PrometheusAPI
import PrometheusSimulator
import TestSupport

/// The fixture history and a real Prometheus serving it, for one test.
struct FixtureServer {
    static let history = ClusterHistory.fixture()
    /// The profiled window: the history's last day.
    static var windowEnd: Double { Double(history.end) }

    /// Pods with a `kube_pod_owner` sample at the window's end.
    static var podsAliveAtEnd: Int {
        history.workloads.flatMap(\.pods).count { $0.birth <= history.end && $0.death > history.end }
    }

    let server: PrometheusServer

    static func start(arguments: [String] = [], webConfig: String? = nil) async throws -> FixtureServer {
        FixtureServer(
            server: try await PrometheusServer.start(
                history: history, arguments: arguments, webConfig: webConfig))
    }

    /// Collection options for the last day of the fixture, clusters told apart by label.
    static func options(cluster: String? = nil, window: String = "1d") -> CollectionOptions {
        CollectionOptions(
            window: PrometheusDuration(window)!, step: PrometheusDuration("5m")!, end: windowEnd,
            clusterLabel: "cluster", cluster: cluster, collector: "steward test")
    }

    /// Fast retries, so that fault tests take milliseconds.
    static let quickRetry = RetryPolicy(
        maxAttempts: 3, initialDelay: .milliseconds(10), maxDelay: .milliseconds(40))

    static func client(
        _ url: String, authentication: PrometheusAuthentication = .none, caFile: String? = nil,
        timeout: Duration = .seconds(30)
    ) throws -> PrometheusClient {
        try PrometheusClient(
            configuration: PrometheusConfiguration(
                baseURL: url, authentication: authentication, caFile: caFile, timeout: timeout,
                retry: quickRetry))
    }

    static func collect(_ url: String, options: CollectionOptions = options()) async throws
        -> ProfileCollection
    {
        let client = try client(url)
        do {
            let collection = try await ProfileCollector(client: client, options: options).collect()
            try await client.shutdown()
            return collection
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
