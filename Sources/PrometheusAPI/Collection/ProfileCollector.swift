import ClientSupport
import Foundation
import Logging
import Profiles

/// Collects a usage profile of every container of every workload from Prometheus, with a
/// number of queries that grows with the window's length and never with the cluster's size.
///
/// Percentiles are exact: range queries return every pod's CPU rate and memory working set at
/// each step, and the percentiles of the pooled samples are computed here. `docs/prometheus.md`
/// explains the choice and its cost.
public struct ProfileCollector: Sendable {
    public let client: PrometheusClient
    public let options: CollectionOptions
    private let logger: Logger

    public init(
        client: PrometheusClient, options: CollectionOptions,
        logger: Logger = Logger(label: "steward.profiles")
    ) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    /// Runs every query and builds the profiles.
    ///
    /// Queries that fail after retries leave their numbers out and add a warning; the collection
    /// fails only when nothing usable came back.
    /// - Parameter now: the clock, unix seconds; the window ends here unless ``CollectionOptions/end``
    ///   is set.
    public func collect(now: Double = Date().timeIntervalSince1970) async throws(CollectionError)
        -> ProfileCollection
    {
        let stepSeconds = options.step.seconds
        let end = options.end ?? (now / stepSeconds).rounded(.down) * stepSeconds
        let plan = CollectionPlan(end: end, options: options)
        let queries = ProfileQueries(options: options)
        var state = CollectionState(options: options, plan: plan)
        logger.info(
            "collecting usage profiles",
            metadata: [
                "prometheus": "\(Redactor.url(client.configuration.baseURL))",
                "window": "\(options.window)", "step": "\(options.step)", "end": "\(end)",
                "chunks": "\(plan.chunks.count)",
            ])

        let window = plan.window
        let owners = [
            QueryJob(kind: .podOwners, query: queries.podOwners, evaluation: .instant(at: window.end)),
            QueryJob(
                kind: .replicaSetOwners, query: queries.replicaSetOwners, evaluation: .instant(at: window.end)
            ),
            QueryJob(kind: .jobOwners, query: queries.jobOwners, evaluation: .instant(at: window.end)),
            QueryJob(
                kind: .replicaSetCreated, query: queries.replicaSetCreated,
                evaluation: .instant(at: window.end)),
        ]
        await run(owners, into: &state)
        if let failure = state.failures[.podOwners] {
            throw CollectionError(
                "cannot map pods to workloads: \(failure)", underlying: failure)
        }

        var usage: [QueryJob] = []
        for chunk in plan.chunks {
            let range = QueryJob.Evaluation.range(
                start: plan.time(ofStep: chunk.firstStep), end: plan.time(ofStep: chunk.lastStep))
            usage.append(QueryJob(kind: .cpu, query: queries.cpuUsage, evaluation: range))
            usage.append(QueryJob(kind: .memory, query: queries.memoryUsage, evaluation: range))
            usage.append(QueryJob(kind: .memoryPeaks, query: queries.memoryPeaks, evaluation: range))
            let chunkEnd = QueryJob.Evaluation.instant(at: plan.time(ofStep: chunk.lastStep))
            usage.append(
                QueryJob(
                    kind: .oomKills, query: queries.oomKills(over: plan.duration(of: chunk)),
                    evaluation: chunkEnd))
            usage.append(
                QueryJob(
                    kind: .restartSteps, query: queries.restartSteps(over: plan.duration(of: chunk)),
                    evaluation: chunkEnd))
            usage.append(
                QueryJob(
                    kind: .oomKillLimits, query: queries.oomKillLimits(over: plan.duration(of: chunk)),
                    evaluation: chunkEnd))
            usage.append(QueryJob(kind: .probeSuccess, query: queries.probeSuccess, evaluation: range))
            usage.append(QueryJob(kind: .probeExpiry, query: queries.probeExpiry, evaluation: range))
            usage.append(QueryJob(kind: .probeChains, query: queries.probeChains, evaluation: range))
        }
        let atEnd = QueryJob.Evaluation.instant(at: window.end)
        usage += [
            QueryJob(kind: .restarts, query: queries.restarts, evaluation: atEnd),
            QueryJob(kind: .terminationReasons, query: queries.terminationReasons, evaluation: atEnd),
            QueryJob(kind: .throttledPeriods, query: queries.throttledPeriods, evaluation: atEnd),
            QueryJob(kind: .cfsPeriods, query: queries.cfsPeriods, evaluation: atEnd),
            QueryJob(kind: .requests, query: queries.requests, evaluation: atEnd),
            QueryJob(kind: .limits, query: queries.limits, evaluation: atEnd),
        ]
        // Restarts first: the samples of crash loops are left out as the usage comes in.
        let counts: Set<QueryJob.Kind> = [.restartSteps, .oomKills, .terminationReasons]
        await run(usage.filter { counts.contains($0.kind) }, into: &state)
        state.markCrashLoops()
        await run(usage.filter { !counts.contains($0.kind) }, into: &state)

        if state.allFailed(.cpu), state.allFailed(.memory), let failure = state.failures[.cpu] {
            throw CollectionError("every CPU and memory query failed: \(failure)", underlying: failure)
        }
        let profiles = state.profiles()
        guard !profiles.isEmpty else {
            throw CollectionError(
                "\(Redactor.url(client.configuration.baseURL)) has no container series between "
                    + "\(Self.iso(window.start)) and \(Self.iso(window.end))"
                    + (options.cluster.map { " for cluster \($0)" } ?? "")
                    + ": check --prometheus, --at, --cluster and --cluster-label")
        }
        // Returned, not logged: the caller shows them once (the CLI as `steward: warning:` lines).
        let warnings = state.warnings()
        let source = ProfileSource(
            collector: options.collector, prometheus: Redactor.url(client.configuration.baseURL),
            clusterLabel: options.clusterLabel, cluster: options.cluster, step: options.step.description,
            rateWindow: options.effectiveRateWindow.description, queries: Self.distinct(owners + usage),
            warnings: warnings.isEmpty ? nil : warnings)
        return ProfileCollection(
            profiles: UsageProfiles(
                window: window, source: source, profiles: profiles, probes: state.probes()),
            queries: state.records, warnings: warnings)
    }

    /// Runs `jobs` with at most ``CollectionOptions/concurrency`` in flight, folding each answer
    /// into `state` as it arrives (in this task, so folding needs no lock).
    private func run(_ jobs: [QueryJob], into state: inout CollectionState) async {
        let client = self.client
        let statistics = options.recordStatistics
        let step = options.step
        await withTaskGroup(of: (QueryJob, QueryRecord, QueryResponse?).self) { group in
            var pending = jobs[...]
            func startNext() {
                guard let job = pending.popFirst() else { return }
                group.addTask {
                    let started = ContinuousClock.now
                    var record = QueryRecord(
                        query: job.query, endpoint: "", seconds: 0, series: 0, points: 0, statistics: nil,
                        error: nil)
                    do throws(PrometheusError) {
                        let response: QueryResponse
                        switch job.evaluation {
                        case .instant(let time):
                            record.endpoint = "query"
                            response = try await client.query(job.query, at: time, statistics: statistics)
                        case .range(let start, let end):
                            record.endpoint = "query_range"
                            response = try await client.queryRange(
                                job.query, start: start, end: end, step: step, statistics: statistics)
                        }
                        record.seconds = Self.seconds(since: started)
                        record.statistics = response.statistics
                        return (job, record, response)
                    } catch {
                        record.seconds = Self.seconds(since: started)
                        record.error = error
                        return (job, record, nil)
                    }
                }
            }
            for _ in 0..<options.concurrency {
                startNext()
            }
            while let (job, record, response) = await group.next() {
                startNext()
                state.fold(job: job, record: record, response: response)
                if let error = record.error {
                    logger.debug("query failed", metadata: ["error": "\(error)"])
                } else {
                    logger.debug(
                        "query done",
                        metadata: ["query": "\(job.query)", "seconds": "\(record.seconds)"])
                }
            }
        }
    }

    /// The queries of `jobs` in plan order, each once: stable from run to run, unlike the order
    /// in which answers arrive.
    private static func distinct(_ jobs: [QueryJob]) -> [String] {
        var seen: Set<String> = []
        return jobs.map(\.query).filter { seen.insert($0).inserted }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func iso(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds).formatted(.iso8601)
    }
}
