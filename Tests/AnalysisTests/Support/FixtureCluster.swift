import Analysis
import Kubernetes
import Profiles
import PrometheusAPI
import PrometheusSimulator
import TestSupport
import YAMLSyntax

/// The telemetry issue's generated cluster, served by a real Prometheus and profiled by
/// `ProfileCollector` as `steward profile collect` does, with the workloads' manifests rebuilt from
/// the generator's requests and limits: the analysis end to end on real PromQL answers.
struct FixtureCluster {
    static let history = ClusterHistory.fixture()

    let profiles: UsageProfiles

    /// The last day of `prod`, collected once for every test that needs it.
    static let shared = Task { try await collect() }

    /// Profiles the last day of `prod`.
    static func collect() async throws -> FixtureCluster {
        let server = try await PrometheusServer.start(history: history)
        defer { server.stop() }
        let client = try PrometheusClient(configuration: PrometheusConfiguration(baseURL: server.url))
        let options = CollectionOptions(
            window: PrometheusDuration("1d")!, step: PrometheusDuration("5m")!, end: Double(history.end),
            clusterLabel: "cluster", cluster: "prod", collector: "steward test")
        do {
            let collection = try await ProfileCollector(client: client, options: options).collect()
            try await client.shutdown()
            return FixtureCluster(profiles: collection.profiles)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The analysis of one workload of `prod`, its manifest's resources those of its newest pods.
    func analyze(_ kind: String, _ namespace: String, _ name: String, settings: RecommenderSettings = .init())
        -> WorkloadAnalysis
    {
        let workload = Self.history.workloads.first {
            $0.cluster == "prod" && $0.kind == kind && $0.namespace == namespace && $0.name == name
        }!
        let newest = workload.pods.max { $0.birth < $1.birth }!
        let containers = newest.containers.map { container in
            var values: [ResourceField: Quantity] = [:]
            values[.requestsCPU] = container.requests.cpu.map {
                .cpu(millicores: Int128(($0 * 1000).rounded()))
            }
            values[.limitsCPU] = container.limits.cpu.map { .cpu(millicores: Int128(($0 * 1000).rounded())) }
            values[.requestsMemory] = container.requests.memory.map { .memory(bytes: Int128($0)) }
            values[.limitsMemory] = container.limits.memory.map { .memory(bytes: Int128($0)) }
            return ContainerSpec(
                name: container.name, role: .main, resources: ResourceRequirements(values),
                path: YAMLPath([.key("spec"), .key("containers"), .match(key: "name", value: container.name)])
            )
        }
        let reference = WorkloadReference(cluster: "prod", namespace: namespace, kind: kind, name: name)
        var matched: [String: UsageProfile] = [:]
        for profile in profiles.profiles
        where profile.namespace == namespace && profile.workload == WorkloadKey(kind: kind, name: name) {
            matched[profile.container] = profile
        }
        return Analyzer(settings: settings).analyze(
            WorkloadSubject(workload: reference, containers: containers, profiles: matched),
            context: AnalysisContext(
                window: profiles.window, now: profiles.window.end, queries: profiles.source?.queries ?? []))
    }
}
