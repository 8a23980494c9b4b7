// analysis-bench: the recommender and the detectors over a generated cluster, in process. Prints
// its figures: how long the analysis of every workload takes, per container, and what it found.
//
//   swift run -c release analysis-bench [--containers 2000] [--days 30] [--runs 3]
//
// Every container has an hourly memory series over the window (the leak detector's input) and,
// one in ten, a restart series (the regression detector's); the patterns cycle through steady,
// daily cycle, leak, OOM-killed and throttled, as the telemetry fixture's do.

import Analysis
import Foundation
import Kubernetes
import Profiles
import TestSupport
import YAMLSyntax

struct Options {
    let containers: Int
    let days: Int
    let runs: Int

    init(_ arguments: [String]) {
        let options = BenchmarkOptions(
            arguments, program: "analysis-bench", defaults: ["containers": 2000, "days": 30, "runs": 3])
        containers = options["containers"]
        days = options["days"]
        runs = options["runs"]
    }
}

let mebibyte = 1_048_576.0
let options = Options(CommandLine.arguments)
let start = 1_789_948_800.0
let end = start + Double(options.days) * 86_400
let hours = options.days * 24

/// A deterministic number in 0..<1 for `index` and `salt` (SplitMix64).
func unit(_ index: Int, _ salt: Int) -> Double {
    var z = UInt64(truncatingIfNeeded: index &* 0x9E37_79B9 &+ salt &* 0x85EB_CA6B) &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
}

/// One workload of one container, in the pattern `index % 5` picks.
func subject(_ index: Int) -> WorkloadSubject {
    let base = (100 + 700 * unit(index, 1)).rounded() * mebibyte
    let cpu = 0.05 + 0.5 * unit(index, 2)
    let pattern = index % 5
    var values: [[Double]] = []
    for hour in 1...hours {
        let time = start + Double(hour) * 3600
        let noise = 0.98 + 0.04 * unit(index, hour)
        let memory: Double
        switch pattern {
        case 1: memory = base * (0.7 + 0.3 * (0.5 + 0.5 * sin(2 * Double.pi * Double(hour % 24) / 24)))
        case 2: memory = base + 2 * mebibyte * Double(hour)
        case 3: memory = base * 0.5 + 8 * mebibyte * Double(hour % 60)
        default: memory = base
        }
        values.append([time, (memory * noise).rounded()])
    }
    let peak = values.map { $0[1] }.max()!
    var profile = UsageProfile(
        cluster: "prod", namespace: "ns-\(index % 20)",
        workload: WorkloadKey(kind: "Deployment", name: "svc-\(index)"),
        container: "app",
        cpu: CPUUsage(
            p50: cpu, p90: cpu * 1.2, p95: cpu * 1.3, p99: pattern == 4 ? cpu * 2 : cpu * 1.4,
            max: pattern == 4 ? cpu * 2 : cpu * 1.5, samples: hours * 12),
        memory: MemoryUsage(p50: base, p95: peak * 0.98, max: peak, samples: hours * 12),
        limits: ResourceAmounts(cpu: cpu * 2, memory: base * 1.5), oomKills: pattern == 3 ? 2 : 0,
        restarts: 0,
        throttlingRatio: pattern == 4 ? 0.4 : 0.01, memorySeries: Series(step: "1h", values: values),
        coverage: Coverage(seconds: end - start, ratio: 1, first: start + 300, last: end))
    if index % 10 == 0 {
        profile.restartSeries = Series(
            step: "1h", values: (1...hours).map { [start + Double($0) * 3600, $0 > hours - 24 ? 3 : 0] })
    }
    let millicores = Int128((cpu * 2000).rounded())
    let container = ContainerSpec(
        name: "app", role: .main,
        resources: ResourceRequirements([
            .requestsCPU: .cpu(millicores: millicores / 2), .limitsCPU: .cpu(millicores: millicores),
            .requestsMemory: .memory(bytes: Int128(base)), .limitsMemory: .memory(bytes: Int128(base * 1.5)),
        ]),
        path: YAMLPath([.key("spec"), .key("template"), .key("spec"), .key("containers")]))
    return WorkloadSubject(
        workload: WorkloadReference(
            cluster: "prod", namespace: "ns-\(index % 20)", kind: "Deployment", name: "svc-\(index)"),
        containers: [container], profiles: ["app": profile])
}

let subjects = (0..<options.containers).map(subject)
let context = AnalysisContext(window: Window(start: start, end: end), now: end)
let analyzer = Analyzer()
print(
    "analysis-bench: \(options.containers) containers, \(options.days) days of hourly memory series "
        + "(\(hours) points each), \(options.runs) runs")
var best = Double.infinity
var kinds: [FindingKind: Int] = [:]
for run in 1...options.runs {
    let clock = ContinuousClock.now
    var found: [FindingKind: Int] = [:]
    for subject in subjects {
        for finding in analyzer.analyze(subject, context: context).findings {
            found[finding.kind, default: 0] += 1
        }
    }
    let elapsed = ContinuousClock.now - clock
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("  run \(run): \(String(format: "%.3f", seconds)) s")
    best = min(best, seconds)
    kinds = found
}
print(
    "best: \(String(format: "%.3f", best)) s, \(String(format: "%.1f", best / Double(options.containers) * 1e6)) µs "
        + "per container")
print("findings: " + FindingKind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", "))
