import Analysis
import Kubernetes
import Telemetry
import Testing
import YAMLSyntax

@Suite struct SimpleRecommenderTests {
    let workload = WorkloadReference(cluster: "prod", namespace: "shop", kind: "Deployment", name: "web")
    let window = Window(start: 1_795_132_800, end: 1_795_737_600)

    func container(_ values: [ResourceField: String]) -> ContainerSpec {
        ContainerSpec(
            name: "app", role: .main,
            resources: ResourceRequirements(values.mapValues { Quantity($0)! }),
            path: YAMLPath([.key("spec"), .key("containers"), .match(key: "name", value: "app")]))
    }

    func profile(cpuP95: Double, memoryMax: Double, samples: Int = 2016) -> UsageProfile {
        UsageProfile(
            cluster: "prod", namespace: "shop", workload: WorkloadKey(kind: "Deployment", name: "web"),
            container: "app",
            cpu: CPUUsage(
                p50: cpuP95 / 2, p90: cpuP95 * 0.9, p95: cpuP95, p99: cpuP95 * 1.2, max: cpuP95 * 2,
                samples: samples),
            memory: MemoryUsage(p50: memoryMax / 2, p95: memoryMax * 0.9, max: memoryMax, samples: samples))
    }

    func proposals(_ finding: Finding?) -> [String] {
        (finding?.proposals ?? []).map { "\($0.field.rawValue) \($0.from?.text ?? "unset")->\($0.to.text)" }
    }

    @Test func sizesCPUFromP95AndMemoryFromMaxWithMargin() {
        // 0.156 × 1.15 = 0.1794 cores → 180m; 350119526 B × 1.15 = 383.99 MiB → 384Mi.
        let finding = SimpleRecommender().recommend(
            workload: workload,
            container: container([
                .requestsCPU: "500m", .requestsMemory: "1Gi", .limitsMemory: "1Gi", .limitsCPU: "1",
            ]),
            profile: profile(cpuP95: 0.156, memoryMax: 350_119_526), window: window)
        #expect(
            proposals(finding) == [
                "requests.cpu 500m->180m", "requests.memory 1Gi->384Mi", "limits.memory 1Gi->384Mi",
            ])
        #expect(finding?.id == "rightsize/prod/shop/Deployment/web/app")
        #expect(finding?.evidence.cpuP95 == 0.156)
        #expect(finding?.evidence.memoryMax == 350_119_526)
    }

    @Test func floatingPointNoiseDoesNotAddAStep() {
        // 0.2 × 1.15 × 1000 is 229.99999999999997 in binary floating point: still 230m.
        let finding = SimpleRecommender().recommend(
            workload: workload, container: container([:]),
            profile: profile(cpuP95: 0.2, memoryMax: 100 * 1_048_576),
            window: window)
        #expect(
            proposals(finding) == [
                "requests.cpu unset->230m", "requests.memory unset->115Mi", "limits.memory unset->115Mi",
            ])
    }

    @Test func roundsUpToTheStep() {
        // 0.0871 × 1.15 = 100.165m → 105m; 1,000,000 B × 1.15 = 1.097 MiB → the 64Mi minimum.
        let finding = SimpleRecommender().recommend(
            workload: workload, container: container([:]),
            profile: profile(cpuP95: 0.0871, memoryMax: 1_000_000),
            window: window)
        #expect(
            proposals(finding) == [
                "requests.cpu unset->105m", "requests.memory unset->64Mi", "limits.memory unset->64Mi",
            ])
    }

    @Test func appliesTheMinimums() {
        let finding = SimpleRecommender().recommend(
            workload: workload, container: container([:]), profile: profile(cpuP95: 0.001, memoryMax: 10),
            window: window)
        #expect(
            proposals(finding) == [
                "requests.cpu unset->10m", "requests.memory unset->64Mi", "limits.memory unset->64Mi",
            ])
    }

    @Test func writesWholeCoresAndGibibytesPlainly() {
        // 1.739130… × 1.15 = 2.0 cores; 1.739130… GiB × 1.15 = 2 GiB.
        let finding = SimpleRecommender().recommend(
            workload: workload, container: container([:]),
            profile: profile(cpuP95: 2 / 1.15, memoryMax: 2 * 1_073_741_824 / 1.15), window: window)
        #expect(
            proposals(finding) == [
                "requests.cpu unset->2", "requests.memory unset->2Gi", "limits.memory unset->2Gi",
            ])
    }

    @Test func proposesNothingWhenValuesAlreadyMatch() {
        // Equal as quantities even though written differently (0.18 vs 180m, 384Mi vs 402653184).
        let finding = SimpleRecommender().recommend(
            workload: workload,
            container: container([.requestsCPU: "0.18", .requestsMemory: "402653184", .limitsMemory: "384Mi"]
            ),
            profile: profile(cpuP95: 0.156, memoryMax: 350_119_526), window: window)
        #expect(finding == nil)
    }

    @Test func ignoresAProfileWithoutSamples() {
        var empty = profile(cpuP95: 0.5, memoryMax: 1e9, samples: 0)
        empty.memory = nil
        let finding = SimpleRecommender().recommend(
            workload: workload, container: container([.requestsCPU: "100m"]), profile: empty, window: window)
        #expect(finding == nil)
    }
}
