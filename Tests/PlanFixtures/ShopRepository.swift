import Foundation
import Profiles
import StewardPlanner
import TestSupport

/// The repository the run and publishing tests plan: two namespaces (`shop`: web and cart;
/// `payments`: api), a policy that lets the bot right-size them, and a week of the three
/// containers' usage.
package enum ShopRepository {
    /// An hour after the profiles' window ends.
    package static let now = Date(timeIntervalSince1970: 1_795_741_200)
    package static let window = Window(start: 1_795_132_800, end: 1_795_737_600)

    package static let policy = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: fixture}
        spec:
          limits:
            maxOpenPullRequests: 5
          rules:
            - name: apps
              match: {namespaces: [shop, payments]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                  min: 10m
                  maxDecreasePercent: 70
                - path: spec.template.spec.containers[*].resources.requests.memory
                  min: 64Mi
                  maxDecreasePercent: 70
                - path: spec.template.spec.containers[*].resources.limits.memory
                  min: 64Mi
                  maxDecreasePercent: 70

        """

    package static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/web:1.0
                  resources:
                    requests:
                      cpu: 500m      # sized for Black Friday
                      memory: "1Gi"
                    limits:
                      memory: "1Gi"

        """

    package static let cart = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart, namespace: shop}
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/cart:3.1
                  resources:
                    requests: {cpu: 300m, memory: 512Mi}

        """

    package static let api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: payments
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: example/api:7
                  resources:
                    requests:
                      cpu: 200m
                      memory: 256Mi
                    limits:
                      memory: 512Mi

        """

    /// Usage of the three containers; `webMemoryMax` drives the web container's memory proposal.
    package static func profiles(webMemoryMax: Double) -> [UsageProfile] {
        let series = Series(
            step: "1h",
            values: (0..<168).map { (hour: Int) -> [Double] in
                let time: Double = window.start + Double(hour) * 3_600
                let share: Double = 0.8 + 0.2 * Double(hour % 24) / 23
                return [time, webMemoryMax * share]
            })
        return [
            UsageProfile(
                cluster: "prod", namespace: "shop", workload: WorkloadKey(kind: "Deployment", name: "web"),
                container: "app",
                cpu: CPUUsage(p50: 0.082, p90: 0.131, p95: 0.156, p99: 0.201, max: 0.344, samples: 6048),
                memory: MemoryUsage(p50: 305_135_616, p95: 337_641_472, max: webMemoryMax, samples: 6048),
                limits: ResourceAmounts(memory: 1_073_741_824), oomKills: 0, restarts: 0, throttlingRatio: 0,
                memorySeries: series),
            UsageProfile(
                cluster: "prod", namespace: "shop", workload: WorkloadKey(kind: "Deployment", name: "cart"),
                container: "app",
                cpu: CPUUsage(p50: 0.05, p90: 0.08, p95: 0.1, p99: 0.12, max: 0.2, samples: 6048),
                memory: MemoryUsage(p50: 200_000_000, p95: 240_000_000, max: 260_000_000, samples: 6048),
                oomKills: 0, restarts: 0, throttlingRatio: 0.01),
            UsageProfile(
                cluster: "prod", namespace: "payments",
                workload: WorkloadKey(kind: "Deployment", name: "api"),
                container: "api",
                cpu: CPUUsage(p50: 0.1, p90: 0.14, p95: 0.15, p99: 0.2, max: 0.3, samples: 4032),
                memory: MemoryUsage(p50: 150_000_000, p95: 170_000_000, max: 180_000_000, samples: 4032),
                limits: ResourceAmounts(memory: 536_870_912), oomKills: 0, restarts: 0, throttlingRatio: 0),
        ]
    }

    /// The plan of the repository as `steward plan` makes it from a folder, with profiles
    /// that say they came from Prometheus.
    package static func plan(in directory: TemporaryDirectory) async throws -> (Plan, UsageProfiles) {
        try directory.write("repo/policies/steward.yaml", policy)
        try directory.write("repo/apps/shop/web.yaml", web)
        try directory.write("repo/apps/shop/cart.yaml", cart)
        try directory.write("repo/apps/payments/api.yaml", api)
        var profiles = UsageProfiles(window: window, profiles: profiles(webMemoryMax: 350_119_526))
        profiles.source = ProfileSource(
            collector: "steward 0.1.0", prometheus: "http://prometheus.monitoring:9090", step: "5m",
            queries: [
                "max by (namespace, pod, container) (container_memory_working_set_bytes{container!=\"\"})"
            ])
        let file = directory.path("profiles.json").path
        try profiles.encoded().write(to: URL(fileURLWithPath: file))
        let plan = try await Planner().plan(
            PlanRequest(repository: directory.path("repo").path, profiles: file, cluster: "prod", now: now))
        return (plan, profiles)
    }
}
