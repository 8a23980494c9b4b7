// profile-bench: `steward profile collect` against the one-query-per-container plan (KRR's), on
// the same generated cluster and the same real Prometheus build, in one run. Prints its figures.
//
//   swift run -c release profile-bench [--pods 2000] [--days 7] [--concurrency 2] [--slowest 0]

import Foundation
import Logging
import Profiles
import PrometheusAPI
import PrometheusSimulator
import TestSupport

struct Options {
    let pods: Int
    let days: Int
    let concurrency: Int
    /// How many of steward's slowest queries to list.
    let slowest: Int

    init(_ arguments: [String]) {
        let options = BenchmarkOptions(
            arguments, program: "profile-bench",
            defaults: ["pods": 2000, "days": 7, "concurrency": 2, "slowest": 0])
        pods = options["pods"]
        days = options["days"]
        concurrency = options["concurrency"]
        slowest = options["slowest"]
    }
}

/// The figures of one plan.
struct Figures {
    var queries = 0
    var failed = 0
    var seconds = 0.0
    var maxPeakSamples = 0
    var prometheusPeakBytes = 0
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func client(_ url: String) throws -> PrometheusClient {
    try PrometheusClient(configuration: try PrometheusConfiguration(baseURL: url, timeout: .seconds(300)))
}

/// `steward profile collect`, in process, on a fresh server.
func measureSteward(_ history: ClusterHistory, directory: String, options: Options) async throws -> (
    Figures, Int
) {
    let server = try await PrometheusServer.start(dataFrom: directory)
    defer { server.stop() }
    let client = try client(server.url)
    let collectionOptions = CollectionOptions(
        window: .seconds(Int64(options.days) * 86_400), step: .seconds(300), end: Double(history.end),
        concurrency: options.concurrency, recordStatistics: true, collector: "profile-bench")
    let started = ContinuousClock.now
    var logger = Logger(label: "profile-bench")
    logger.logLevel = .warning
    let collection = try await ProfileCollector(client: client, options: collectionOptions, logger: logger)
        .collect()
    var figures = Figures()
    figures.seconds = seconds(since: started)
    try await client.shutdown()
    figures.queries = collection.queries.count
    figures.failed = collection.queries.count { $0.error != nil }
    figures.maxPeakSamples = collection.queries.compactMap { $0.statistics?.peakSamples }.max() ?? 0
    figures.prometheusPeakBytes = server.peakMemoryBytes() ?? 0
    for record in collection.queries.sorted(by: { $0.seconds > $1.seconds }).prefix(options.slowest) {
        let peak = record.statistics.map { grouped($0.peakSamples) } ?? "-"
        print(
            String(format: "  %7.2f s ", record.seconds)
                + record.endpoint.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%6d series %9d points ", record.series, record.points) + peak + " peak  "
                + record.query.prefix(80))
    }
    return (figures, collection.profiles.profiles.count)
}

/// The per-container plans, on a fresh server: two queries per workload container (CPU, then
/// memory), selecting its pods by name (KRR gets them from the Kubernetes API; here they are
/// given for free).
///
/// - `range`: KRR's current plan, a range query per container and percentiles client-side.
/// - `instant`: the older plan, the percentile computed by Prometheus (`quantile_over_time` over a
///   subquery) and the memory peak by `max_over_time`, one instant query each.
func measurePerContainer(_ history: ClusterHistory, directory: String, options: Options, range: Bool)
    async throws
    -> Figures
{
    let window = "\(options.days)d"
    var queries: [String] = []
    for workload in history.workloads {
        let containers = Array(Set(workload.pods.flatMap { $0.containers.map(\.name) })).sorted()
        let pods = workload.pods.map(\.name).joined(separator: "|")
        for container in containers {
            let selector = "namespace=\"\(workload.namespace)\", pod=~\"\(pods)\", container=\"\(container)\""
            let cpu = "rate(container_cpu_usage_seconds_total{\(selector)}[10m])"
            let memory = "container_memory_working_set_bytes{\(selector)}"
            if range {
                queries.append("max by (container, pod, job) (\(cpu))")
                queries.append("max by (container, pod, job) (\(memory))")
            } else {
                queries.append("max(quantile_over_time(0.95, \(cpu)[\(window):5m]))")
                queries.append("max(max_over_time(\(memory)[\(window)]))")
            }
        }
    }
    let server = try await PrometheusServer.start(dataFrom: directory)
    defer { server.stop() }
    let client = try client(server.url)
    let start = Double(history.end - Int64(options.days) * 86_400 + 300)
    let end = Double(history.end)
    let started = ContinuousClock.now
    let results = await withTaskGroup(of: (Int, Bool).self) { group in
        var pending = queries[...]
        var results: [(Int, Bool)] = []
        func next() {
            guard let query = pending.popFirst() else { return }
            group.addTask {
                do {
                    let response =
                        range
                        ? try await client.queryRange(
                            query, start: start, end: end, step: .seconds(300), statistics: true)
                        : try await client.query(query, at: end, statistics: true)
                    return (response.statistics?.peakSamples ?? 0, true)
                } catch {
                    return (0, false)
                }
            }
        }
        for _ in 0..<options.concurrency { next() }
        while let result = await group.next() {
            results.append(result)
            next()
        }
        return results
    }
    var figures = Figures()
    figures.seconds = seconds(since: started)
    try await client.shutdown()
    figures.queries = results.count
    figures.failed = results.count { !$0.1 }
    figures.maxPeakSamples = results.map(\.0).max() ?? 0
    figures.prometheusPeakBytes = server.peakMemoryBytes() ?? 0
    return figures
}

func grouped(_ value: Int) -> String {
    value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
}

func row(_ name: String, _ figures: Figures) -> String {
    let mib = Double(figures.prometheusPeakBytes) / 1_048_576
    let peak = grouped(figures.maxPeakSamples)
    return name.padding(toLength: 28, withPad: " ", startingAt: 0)
        + String(format: "%8d %9.2f ", figures.queries, figures.seconds)
        + String(repeating: " ", count: max(0, 18 - peak.count)) + peak
        + String(format: " %14.0f MiB", mib)
        + (figures.failed > 0 ? "  (\(figures.failed) failed)" : "")
}

let options = Options(CommandLine.arguments)
let history = ClusterHistory.benchmark(pods: options.pods, days: options.days)
let backfillStarted = ContinuousClock.now
let directory = try await history.backfilledDirectory()
let backfillSeconds = seconds(since: backfillStarted)
let samples = try ClusterHistory.storedSamples(in: directory)
print(
    "profile-bench: \(history.workloads.flatMap(\.pods).count) pods, \(history.containerCount) containers, "
        + "\(options.days) days at 5m: \(grouped(samples)) samples (TSDB ready in \(String(format: "%.1f", backfillSeconds)) s)"
)
let prometheusVersion =
    try ExternalTool.prometheus.run(["--version"]).split(separator: " ").dropFirst(2).first ?? ""
print("concurrency \(options.concurrency); Prometheus \(prometheusVersion)")
let (steward, profiles) = try await measureSteward(history, directory: directory, options: options)
let perContainerRange = try await measurePerContainer(
    history, directory: directory, options: options, range: true)
let perContainerInstant = try await measurePerContainer(
    history, directory: directory, options: options, range: false)
print("plan                          queries    wall s   max peak samples   Prometheus VmHWM")
print(row("steward profile collect", steward))
print(row("per container, range (KRR)", perContainerRange))
print(row("per container, p95 in PromQL", perContainerInstant))
print(
    "\(profiles) profiles; wall time of the per-container plans over steward's: "
        + String(
            format: "%.1fx (range), %.1fx (p95 in PromQL)", perContainerRange.seconds / steward.seconds,
            perContainerInstant.seconds / steward.seconds))
