import Analysis
import Kubernetes
import Profiles
import Testing

/// The scenarios on the telemetry issue's generated cluster (`ClusterHistory.fixture()`), its
/// last day profiled through a real Prometheus: what Steward would propose for each workload.
@Suite struct PrometheusScenarioTests {
    static func proposals(_ analysis: WorkloadAnalysis) -> [String] {
        analysis.findings.flatMap { finding in
            finding.proposals.map {
                "\(finding.container): \(finding.kind.rawValue) \($0.field.rawValue) "
                    + "\($0.from?.text ?? "unset")->\($0.to?.text ?? "removed")"
            }
        }
    }

    @Test func steadyServiceWithASidecarGetsSmallerRequests() async throws {
        let cluster = try await FixtureCluster.shared.value
        let web = cluster.analyze("Deployment", "shop", "web")
        // app: 300 MiB ± 3 % peaks at 308.97 MiB, × 1.15 → 356Mi; its CPU, 0.25 cores ± 10 %, gives
        // p95 0.2668 × 1.15 → 310m, within 10 % of the 300m request: held. The sidecar: 0.05 cores
        // and 80 MiB ± 3 %: 65m and 95Mi.
        #expect(
            Self.proposals(web) == [
                "app: rightsize requests.memory 512Mi->356Mi", "app: rightsize limits.memory 1Gi->356Mi",
                "istio-proxy: rightsize requests.cpu 100m->65m",
                "istio-proxy: rightsize requests.memory 128Mi->95Mi",
                "istio-proxy: rightsize limits.memory 256Mi->95Mi",
            ])
        #expect(
            web.findings.first?.evidence.withinHysteresis == [
                "requests.cpu held at 300m: 310m is within the hysteresis band (changes under 10 % or under 10m CPU / "
                    + "16Mi memory are not proposed)"
            ])
        #expect(
            web.findings.first?.confidence
                == Confidence(score: 0.5, level: .medium, basis: "1 day of history"))
    }

    @Test func dailyCycleIsSizedForThePeakHour() async throws {
        let cluster = try await FixtureCluster.shared.value
        let checkout = cluster.analyze("Deployment", "shop", "checkout")
        // Between 0.1 and 0.6 cores (× 0.95–1.05) peaking at 06:00: p95 0.5959 × 1.15 → 690m, above
        // the peak hour's highest usage, 0.63 cores; memory peaks at 352.36 MiB × 1.15 → 406Mi.
        #expect(
            Self.proposals(checkout) == [
                "app: rightsize requests.cpu 250m->690m", "app: rightsize requests.memory 512Mi->406Mi",
                "app: rightsize limits.memory 768Mi->406Mi",
            ])
        #expect(checkout.findings.map(\.kind) == [.rightsize])
    }

    @Test func oomKilledContainerGetsMemoryAboveTheLimitAtTheKill() async throws {
        let cluster = try await FixtureCluster.shared.value
        let fraud = cluster.analyze("Deployment", "payments", "fraud-model")
        // Killed 4 times at 1Gi: max(1024 × 1.2, 1024 + 100) = 1228.8 MiB → 1229Mi, request too.
        #expect(
            Self.proposals(fraud) == [
                "model: oom requests.memory 768Mi->1229Mi", "model: oom limits.memory 1Gi->1229Mi",
            ])
        #expect(fraud.findings.first?.summary.hasPrefix("4 OOM kills at the 1Gi limit: ") == true)
    }

    @Test func leakIsReportedAndMemoryNotSized() async throws {
        let cluster = try await FixtureCluster.shared.value
        let ledger = cluster.analyze("StatefulSet", "payments", "ledger")
        // 400 MiB + 8 MiB/h since each pod started: a leak; memory is left alone, CPU (0.2 cores
        // asking for 0.5) is right-sized on its own.
        #expect(ledger.findings.map(\.kind) == [.memoryLeak, .rightsize])
        #expect(Self.proposals(ledger) == ["db: rightsize requests.cpu 500m->245m"])
        #expect(
            ledger.findings.first?.summary
                == "leak suspected: the working set grows 8.03 MiB/h (R² 1 over 23 h) and reaches the limits.memory "
                + "2Gi in 6.1 days; memory is not sized up for it")
    }

    @Test func spikyCPUAtTheLimitIsThrottledBelowTheDefaultThreshold() async throws {
        let cluster = try await FixtureCluster.shared.value
        // The spikes hit the 500m limit one scrape in eight; throttled 5.6 % of periods overall,
        // under kubernetes-mixin's 25 %: no throttling finding by default. The 10-minute rate
        // averages the spikes in: p95 0.3345 → 385m.
        #expect(
            Self.proposals(cluster.analyze("Deployment", "shop", "search")) == [
                "app: rightsize requests.cpu 200m->385m", "app: rightsize requests.memory 256Mi->297Mi",
                "app: rightsize limits.memory 512Mi->297Mi",
            ])
        // A policy that alerts from 5 %: the limit rises to max(0.5 × 1.5, 0.6, 0.3846, 0.5) = 750m.
        var settings = RecommenderSettings()
        settings.throttlingThreshold = 0.05
        #expect(
            Self.proposals(cluster.analyze("Deployment", "shop", "search", settings: settings)) == [
                "app: cpu-throttling limits.cpu 500m->750m", "app: rightsize requests.cpu 200m->385m",
                "app: rightsize requests.memory 256Mi->297Mi", "app: rightsize limits.memory 512Mi->297Mi",
            ])
    }

    @Test func thinHistoryIsNotSized() async throws {
        let cluster = try await FixtureCluster.shared.value
        #expect(
            cluster.analyze("CronJob", "reports", "nightly-report").containers == [
                ContainerVerdict(
                    container: "report", status: .skipped("6.1 h of history, right-sizing needs 1 day"))
            ])
        #expect(
            cluster.analyze("Deployment", "shop", "ghost").containers == [
                ContainerVerdict(
                    container: "app",
                    status: .skipped(
                        "the profile is insufficient: no CPU usage samples in the window; no memory samples in the window"
                    ))
            ])
    }

    @Test func everyWorkloadReplaysWithoutOOMKills() async throws {
        let cluster = try await FixtureCluster.shared.value
        var replayed = 0
        for workload in FixtureCluster.history.workloads where workload.cluster == "prod" {
            let analysis = cluster.analyze(workload.kind, workload.namespace, workload.name)
            for profile in cluster.profiles.profiles
            where profile.namespace == workload.namespace && profile.workload.name == workload.name
                && profile.memory != nil
            {
                let proposed = analysis.findings.filter { $0.container == profile.container }
                    .flatMap(\.proposals).first { $0.field == .limitsMemory }?.to
                let limit = proposed?.value ?? profile.limits?.memory
                guard let limit else { continue }
                let replay = MemoryReplay.replay(profile, limit: limit)
                #expect(replay.wouldBeOOMKills == 0, "\(workload.name)/\(profile.container) at \(limit)")
                replayed += 1
            }
        }
        // Every container with memory samples and a limit after the plan: all but the CronJob's
        // (no pod alive at the window's end, so no live limit, and too little history to propose
        // one) and the ghost (no samples). The bare pod's shell gets the 64Mi minimum; the
        // crash-looping cart is replayed too, and so are catalog's init container and native
        // sidecar, and cart-redis, OOM-killed before it was recreated with a larger limit.
        #expect(replayed == 13)
    }
}
