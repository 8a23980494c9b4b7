extension GitOpsFixture {
    /// A usage profile of one container: CPU p95 in cores and the memory maximum in bytes.
    public struct Usage: Sendable {
        public var namespace: String
        public var kind: String
        public var name: String
        public var container: String
        public var cpuP95: Double
        public var memoryMax: Double

        public init(
            _ namespace: String, _ kind: String, _ name: String, _ container: String, cpu: Double,
            memory: Double
        ) {
            self.namespace = namespace
            self.kind = kind
            self.name = name
            self.container = container
            self.cpuP95 = cpu
            self.memoryMax = memory
        }
    }

    /// Usage of the fixture's workloads in production, chosen so that the recommender's
    /// proposals are round numbers: CPU p95 × 1.15 rounded up to 5m, memory max × 1.15 rounded
    /// up to 1Mi.
    public static let usage: [Usage] = [
        Usage("shop", "Deployment", "web", "app", cpu: 0.156, memory: 350_119_526),
        Usage("shop", "Deployment", "web", "otel-agent", cpu: 0.003, memory: 15_000_000),
        Usage("shop", "Deployment", "web", "log-shipper", cpu: 0.04, memory: 100_000_000),
        Usage("catalog", "Deployment", "catalog-prod", "catalog", cpu: 0.2, memory: 200_000_000),
        Usage("catalog", "Deployment", "catalog-prod-worker", "metrics", cpu: 0.01, memory: 30_000_000),
        Usage("cart", "StatefulSet", "cart-redis", "redis", cpu: 0.3, memory: 500_000_000),
        Usage("orders-eu", "Deployment", "orders", "orders", cpu: 0.1, memory: 200_000_000),
        Usage("orders-us", "Deployment", "orders", "orders", cpu: 0.4, memory: 400_000_000),
        Usage("apps", "Deployment", "podinfo", "podinfod", cpu: 0.05, memory: 40_000_000),
        Usage("tools", "CronJob", "janitor", "janitor", cpu: 0.5, memory: 300_000_000),
    ]

    /// A profiles file (`docs/profiles.md`) of `usage` in `cluster`, over one week.
    public static func profilesJSON(cluster: String = "prod", usage: [Usage] = GitOpsFixture.usage) -> String
    {
        let profiles = usage.map { item in
            """
              {"cluster": "\(cluster)", "namespace": "\(item.namespace)",
               "workload": {"kind": "\(item.kind)", "name": "\(item.name)"}, "container": "\(item.container)",
               "cpu": {"p50": \(item.cpuP95 / 2), "p90": \(item.cpuP95), "p95": \(item.cpuP95), \
            "p99": \(item.cpuP95), "max": \(item.cpuP95 * 2), "samples": 2016},
               "memory": {"p50": \(item.memoryMax / 2), "p95": \(item.memoryMax), "max": \(item.memoryMax), \
            "samples": 2016}}
            """
        }
        return """
            {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles",
             "window": {"start": 1795132800, "end": 1795737600},
             "profiles": [
            \(profiles.joined(separator: ",\n"))
             ]}

            """
    }
}
