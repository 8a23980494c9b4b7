extension ClusterHistory {
    private static let mebibyte = 1_048_576.0

    /// When the fixture's `shop/Deployment/cart` changed (the commit of a new image, 6 h before
    /// the end): its new ReplicaSet is created 2 minutes later, and its pods crash-loop from 10
    /// minutes after the change, every 10 minutes.
    public static let fixtureCartChange: Int64 = 1_790_100_000
    /// When the probes of `https://pay.example.com/healthz` begin to fail (20:30, 3.5 h before the end).
    public static let fixtureProbeFailure: Int64 = 1_790_109_000
    /// When `https://pay.example.com/healthz` is first served a new certificate chain (20:20), 10
    /// minutes before its probes begin to fail: the trigger a regression is blamed on.
    public static let fixturePayCertificateChange: Int64 = fixtureProbeFailure - 600
    /// When `https://shop.example.com/healthz` is first served a renewed certificate (05:00 on
    /// the last day).
    public static let fixtureCertificateRenewal: Int64 = 1_790_053_200
    /// When the fixture's `shop/StatefulSet/cart-redis` pod `cart-redis-0`, OOM-killed again and
    /// again at its 512Mi limit, is deleted and recreated under the same name with a 1Gi limit
    /// (8 h before the end); it is not OOM-killed after.
    public static let fixtureCartRedisRecreation: Int64 = 1_790_092_800
    /// How long `shop/Deployment/catalog`'s init container `migrate` runs after each pod start.
    public static let fixtureCatalogMigrationSeconds: Int64 = 1200

    /// The test fixture: two days of a small cluster `prod` (and one workload in `staging`),
    /// scraped every 5 minutes, with one workload per pattern the issue asks for:
    ///
    /// | workload | pattern |
    /// |---|---|
    /// | `shop/Deployment/web` | steady, with an `istio-proxy` sidecar |
    /// | `shop/Deployment/checkout` | daily cycle |
    /// | `payments/StatefulSet/ledger` | creeping memory leak |
    /// | `payments/Deployment/fraud-model` | OOM kill and restart, again and again |
    /// | `shop/Deployment/search` | spiky CPU at its limit, throttled |
    /// | `platform/DaemonSet/node-agent` | no CPU limit |
    /// | `shop/Deployment/catalog` | a rollout 9 hours before the end, new usage and requests; an init container `migrate` that runs ``fixtureCatalogMigrationSeconds`` after each pod start, and a native sidecar `log-shipper` |
    /// | `shop/Deployment/ghost` | no cAdvisor samples at all |
    /// | `reports/CronJob/nightly-report` | a Job a day, 01:00 to 07:00, pods owned by the Job |
    /// | `platform/Pod/debug-shell` | a bare pod, owner `<none>` |
    /// | `shop/Deployment/cart` | a new image at ``fixtureCartChange``, crash-looping 10 minutes later |
    /// | `staging`: `shop/Deployment/web` | same names, another cluster |
    /// | `shop/StatefulSet/cart-redis` | OOM-killed at 512Mi, recreated with the same pod name and 1Gi at ``fixtureCartRedisRecreation`` |
    ///
    /// Blackbox probes: `https://shop.example.com/healthz` (its certificate renewed at
    /// ``fixtureCertificateRenewal``), `https://pay.example.com/healthz` (a new chain served from
    /// ``fixturePayCertificateChange``, failing from ``fixtureProbeFailure``), `http://search.shop.svc/ready` (plain http), and in `staging`
    /// `https://staging.example.com/healthz`.
    ///
    /// Every series has a `cluster` label; cAdvisor's pod-level series (no `container`) are there
    /// too. Profile the last day: `expectedProfiles(windowStart: end - 86_400, windowEnd: end)`.
    ///
    /// - Parameters:
    ///   - terminatedReasons: false for a kube-state-metrics without
    ///     `…_status_last_terminated_reason` (dropped by `--metric-denylist`).
    ///   - webMemorySpikes: bursts of working set between scrapes in every pod of
    ///     `shop/Deployment/web`'s `app`.
    ///   - cartCrashLoopEnd: when `shop/Deployment/cart`'s crash loop stops (a dependency it
    ///     waited for is back), without a rollout; by default it lasts to the end.
    ///   - cartOutOfMemory: whether cart's new version is OOM-killed as it starts (last reason
    ///     `OOMKilled`) rather than exiting with an error.
    public static func fixture(
        terminatedReasons: Bool = true, webMemorySpikes: [MemorySpike] = [], cartCrashLoopEnd: Int64? = nil,
        cartOutOfMemory: Bool = false
    ) -> ClusterHistory {
        let start: Int64 = 1_789_948_800  // 2026-09-21T00:00:00Z
        let end = start + 2 * 86_400
        let noise = DeterministicNoise(seed: 5)
        var build = WorkloadBuilder(noise: noise, start: start, end: end, interval: 300)
        let mebibyte = Self.mebibyte
        func spec(
            _ name: String, _ pattern: UsagePattern, requests: (Double, Double), limits: (Double?, Double?),
            role: ContainerSpec.Role = .container, memorySpikes: [MemorySpike] = []
        ) -> ContainerSpec {
            ContainerSpec(
                name: name, pattern: pattern,
                requests: Resources(cpu: requests.0, memory: requests.1 * mebibyte),
                limits: Resources(cpu: limits.0, memory: limits.1.map { $0 * mebibyte }), role: role,
                memorySpikes: memorySpikes)
        }
        func always(_ containers: [ContainerSpec]) -> [WorkloadBuilder.Revision] {
            [
                WorkloadBuilder.Revision(
                    containers: containers, created: start - 10 * 86_400, from: build.beforeStart,
                    until: build.afterEnd)
            ]
        }
        let rollout = end - 9 * 3600
        // catalog's init containers: a migration at each pod start, and a native sidecar.
        let catalogInit = [
            spec(
                "migrate", .task(cpu: 0.3, memory: 96 * mebibyte), requests: (0.3, 128), limits: (1, 256),
                role: .initContainer(runsFor: fixtureCatalogMigrationSeconds)),
            spec(
                "log-shipper", .steady(cpu: 0.02, memory: 40 * mebibyte), requests: (0.05, 64),
                limits: (0.2, 128), role: .nativeSidecar),
        ]
        var workloads: [Workload] = []
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "shop", name: "web", replicas: 3,
                revisions: always([
                    spec(
                        "app", .steady(cpu: 0.25, memory: 300 * mebibyte), requests: (0.3, 512),
                        limits: (1, 1024), memorySpikes: webMemorySpikes),
                    spec(
                        "istio-proxy", .steady(cpu: 0.05, memory: 80 * mebibyte), requests: (0.1, 128),
                        limits: (0.5, 256)),
                ])))
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "shop", name: "checkout", replicas: 2,
                revisions: always([
                    spec(
                        "app",
                        .dailyCycle(
                            cpuLow: 0.1, cpuHigh: 0.6, memoryLow: 200 * mebibyte, memoryHigh: 350 * mebibyte),
                        requests: (0.25, 512), limits: (1, 768))
                ])))
        workloads.append(
            build.statefulSet(
                cluster: "prod", namespace: "payments", name: "ledger", replicas: 2,
                containers: [
                    spec(
                        "db", .memoryLeak(cpu: 0.2, memory: 400 * mebibyte, bytesPerHour: 8 * mebibyte),
                        requests: (0.5, 1024), limits: (2, 2048))
                ]))
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "payments", name: "fraud-model", replicas: 2,
                revisions: always([
                    spec(
                        "model", .oomLoop(cpu: 0.4, memory: 300 * mebibyte, bytesPerHour: 60 * mebibyte),
                        requests: (0.5, 768), limits: (1, 1024))
                ])))
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "shop", name: "search", replicas: 2,
                revisions: always([
                    spec(
                        "app", .spiky(base: 0.15, memory: 250 * mebibyte), requests: (0.2, 256),
                        limits: (0.5, 512))
                ])))
        workloads.append(
            build.daemonSet(
                cluster: "prod", namespace: "platform", name: "node-agent", nodes: 3,
                containers: [
                    spec(
                        "agent", .steady(cpu: 0.03, memory: 60 * mebibyte), requests: (0.05, 64),
                        limits: (nil, 128))
                ]))
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "shop", name: "catalog", replicas: 2,
                revisions: [
                    WorkloadBuilder.Revision(
                        containers: catalogInit + [
                            spec(
                                "app", .steady(cpu: 0.2, memory: 200 * mebibyte), requests: (0.25, 256),
                                limits: (1, 512))
                        ], created: start - 10 * 86_400, from: build.beforeStart, until: rollout),
                    WorkloadBuilder.Revision(
                        containers: catalogInit + [
                            spec(
                                "app", .steady(cpu: 0.45, memory: 260 * mebibyte), requests: (0.5, 384),
                                limits: (1, 512))
                        ], created: rollout - 30, from: rollout, until: build.afterEnd),
                ]))
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "shop", name: "ghost", replicas: 1,
                revisions: always([spec("app", .noSamples, requests: (0.1, 128), limits: (0.5, 256))])))
        workloads.append(
            build.cronJob(
                cluster: "prod", namespace: "reports", name: "nightly-report",
                runs: [(start + 3600, start + 7 * 3600), (start + 86_400 + 3600, start + 86_400 + 7 * 3600)],
                containers: [
                    spec(
                        "report", .steady(cpu: 0.8, memory: 500 * mebibyte), requests: (1, 1024),
                        limits: (2, 2048))
                ]))
        workloads.append(
            build.barePod(
                cluster: "prod", namespace: "platform", name: "debug-shell",
                containers: [
                    spec(
                        "shell", .steady(cpu: 0.01, memory: 20 * mebibyte), requests: (0.01, 32),
                        limits: (nil, nil))
                ]))
        let cartRollout = fixtureCartChange + 120
        workloads.append(
            build.deployment(
                cluster: "prod", namespace: "shop", name: "cart", replicas: 2,
                revisions: [
                    WorkloadBuilder.Revision(
                        containers: [
                            spec(
                                "app", .steady(cpu: 0.15, memory: 180 * mebibyte), requests: (0.2, 256),
                                limits: (nil, 256))
                        ], created: start - 10 * 86_400, from: build.beforeStart, until: cartRollout),
                    WorkloadBuilder.Revision(
                        containers: [
                            spec(
                                "app",
                                .crashLoop(
                                    cpu: 0.15, memory: 180 * mebibyte, from: fixtureCartChange + 600,
                                    every: 600, until: cartCrashLoopEnd, outOfMemory: cartOutOfMemory),
                                requests: (0.2, 256), limits: (nil, 256))
                        ], created: cartRollout, from: cartRollout, until: build.afterEnd),
                ]))
        workloads.append(
            build.deployment(
                cluster: "staging", namespace: "shop", name: "web", replicas: 1,
                revisions: always([
                    spec(
                        "app", .steady(cpu: 0.1, memory: 200 * mebibyte), requests: (0.2, 256),
                        limits: (0.5, 512))
                ])))
        // Last, so that the other pods keep their names and noise.
        workloads.append(
            build.recreatedStatefulSet(
                cluster: "prod", namespace: "shop", name: "cart-redis",
                incarnations: [
                    WorkloadBuilder.Revision(
                        containers: [
                            spec(
                                "redis",
                                .oomLoop(cpu: 0.1, memory: 200 * mebibyte, bytesPerHour: 40 * mebibyte),
                                requests: (0.1, 512), limits: (0.5, 512))
                        ], created: start - 10 * 86_400, from: build.beforeStart,
                        until: fixtureCartRedisRecreation),
                    WorkloadBuilder.Revision(
                        containers: [
                            spec(
                                "redis", .steady(cpu: 0.1, memory: 300 * mebibyte), requests: (0.1, 1024),
                                limits: (0.5, 1024))
                        ], created: fixtureCartRedisRecreation, from: fixtureCartRedisRecreation,
                        until: build.afterEnd),
                ]))
        let day: Int64 = 86_400
        let probes = [
            BlackboxProbe(
                cluster: "prod", target: "https://shop.example.com/healthz",
                certificates: [
                    .init(
                        fingerprint: "9f2c4be01d7a5e3f8c6b2a1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
                        subject: "CN=shop.example.com", from: start - 60 * day, expiry: start + 30 * day),
                    .init(
                        fingerprint: "41aa07cc93e5b2d6f1a8c4e9b3d7f2a6c1e5b9d3f7a2c6e1b5d9f3a7c2e6b1d5",
                        subject: "CN=shop.example.com", from: fixtureCertificateRenewal,
                        expiry: fixtureCertificateRenewal + 90 * day),
                ]),
            BlackboxProbe(
                cluster: "prod", target: "https://pay.example.com/healthz", failingFrom: fixtureProbeFailure,
                certificates: [
                    .init(
                        fingerprint: "c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4",
                        subject: "CN=pay.example.com", from: start - 20 * day, expiry: start + 70 * day),
                    .init(
                        fingerprint: "e1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a49382716051f2e3d4c5b6a79",
                        subject: "CN=pay.example.com", from: fixturePayCertificateChange,
                        expiry: fixturePayCertificateChange + 90 * day),
                ]),
            BlackboxProbe(cluster: "prod", target: "http://search.shop.svc/ready", certificates: []),
            BlackboxProbe(
                cluster: "staging", target: "https://staging.example.com/healthz",
                certificates: [
                    .init(
                        fingerprint: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
                        subject: "CN=staging.example.com", from: start - 5 * day, expiry: start + 85 * day)
                ]),
        ]
        return ClusterHistory(
            start: start, end: end, seed: noise.seed, clusterLabel: "cluster", podLevelSeries: true,
            workloads: workloads, probes: probes, terminatedReasons: terminatedReasons)
    }

    /// The benchmark's cluster: `pods` pods (about 1.25 containers each) over `days` days at
    /// 5-minute scrapes, in 20 namespaces, cycling through the fixture's patterns; one
    /// Deployment in ten rolls out halfway. No cluster label and no pod-level series, to keep the
    /// files small.
    public static func benchmark(pods podCount: Int, days: Int) -> ClusterHistory {
        let start: Int64 = 1_789_948_800
        let end = start + Int64(days) * 86_400
        let noise = DeterministicNoise(seed: 2000)
        var build = WorkloadBuilder(noise: noise, start: start, end: end, interval: 300)
        let mebibyte = Self.mebibyte
        let namespaces = [
            "shop", "payments", "search", "identity", "catalog", "checkout", "media", "ads", "analytics",
            "platform", "ingest", "billing", "notifications", "reviews", "pricing", "inventory", "shipping",
            "support", "reports", "ml",
        ]
        var workloads: [Workload] = []
        var pods = 0
        var index = 0
        while pods < podCount {
            let namespace = namespaces[index % namespaces.count]
            let name = "svc-\(index)"
            let cpu = 0.05 + 0.5 * noise.unit(index, 1)
            let memory = (100 + 700 * noise.unit(index, 2)).rounded() * mebibyte
            let pattern: UsagePattern
            switch index % 6 {
            case 0, 5: pattern = .steady(cpu: cpu, memory: memory)
            case 1:
                pattern = .dailyCycle(
                    cpuLow: cpu / 3, cpuHigh: cpu * 1.5, memoryLow: memory * 0.7, memoryHigh: memory)
            case 2: pattern = .memoryLeak(cpu: cpu, memory: memory, bytesPerHour: 2 * mebibyte)
            case 3: pattern = .oomLoop(cpu: cpu, memory: memory * 0.5, bytesPerHour: 8 * mebibyte)
            default: pattern = .spiky(base: cpu / 2, memory: memory)
            }
            let cpuLimit: Double? = index % 6 == 5 ? nil : (cpu * 2 * 100).rounded() / 100 + 0.1
            var containers = [
                ContainerSpec(
                    name: "app", pattern: pattern,
                    requests: Resources(cpu: (cpu * 100).rounded() / 100, memory: memory),
                    limits: Resources(cpu: cpuLimit, memory: memory * 1.5))
            ]
            if index % 4 == 0 {
                containers.append(
                    ContainerSpec(
                        name: "sidecar", pattern: .steady(cpu: 0.02, memory: 50 * mebibyte),
                        requests: Resources(cpu: 0.05, memory: 64 * mebibyte),
                        limits: Resources(cpu: 0.2, memory: 128 * mebibyte)))
            }
            let replicas = min(podCount - pods, 1 + Int(noise.unit(index, 3) * 8))
            switch index % 10 {
            case 8:
                workloads.append(
                    build.statefulSet(
                        cluster: "default", namespace: namespace, name: name, replicas: replicas,
                        containers: containers))
                pods += replicas
            case 9:
                workloads.append(
                    build.daemonSet(
                        cluster: "default", namespace: namespace, name: name, nodes: replicas,
                        containers: containers))
                pods += replicas
            case 7 where replicas * 2 <= podCount - pods:
                let half = start + Int64(days) * 43_200
                workloads.append(
                    build.deployment(
                        cluster: "default", namespace: namespace, name: name, replicas: replicas,
                        revisions: [
                            .init(
                                containers: containers, created: start - 86_400, from: build.beforeStart,
                                until: half),
                            .init(
                                containers: containers, created: half - 30, from: half, until: build.afterEnd),
                        ]))
                pods += 2 * replicas
            default:
                workloads.append(
                    build.deployment(
                        cluster: "default", namespace: namespace, name: name, replicas: replicas,
                        revisions: [
                            .init(
                                containers: containers, created: start - 86_400, from: build.beforeStart,
                                until: build.afterEnd)
                        ]))
                pods += replicas
            }
            index += 1
        }
        return ClusterHistory(
            start: start, end: end, seed: noise.seed, clusterLabel: nil, podLevelSeries: false,
            workloads: workloads)
    }
}
