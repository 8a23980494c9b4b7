import Foundation
import Profiles

/// The PromQL of one collection. Every query covers the whole cluster: the number of queries
/// grows with the window's length (range queries are cut into time chunks), never with the
/// number of pods or containers. `docs/prometheus.md` explains each one.
struct ProfileQueries: Sendable {
    /// `namespace, pod, container`, with the cluster label first when there is one.
    let containerLabels: String
    /// `namespace, pod`, with the cluster label.
    let podLabels: String
    /// `cluster, ` when a cluster label is set, else empty.
    private let clusterPrefix: String
    /// Extra matchers for every selector: the cluster, when one is selected by label.
    private let clusterMatcher: String
    let step: PrometheusDuration
    let window: PrometheusDuration
    let rateWindow: PrometheusDuration

    init(options: CollectionOptions) {
        clusterPrefix = options.clusterLabel.map { "\($0), " } ?? ""
        containerLabels = clusterPrefix + "namespace, pod, container"
        podLabels = clusterPrefix + "namespace, pod"
        if let label = options.clusterLabel, let cluster = options.cluster {
            clusterMatcher = "\(label)=\"\(Self.escape(cluster))\""
        } else {
            clusterMatcher = ""
        }
        step = options.step
        window = options.window
        rateWindow = options.effectiveRateWindow
    }

    /// A selector: `metric{matchers, cluster}`, always filtering the pod-level cAdvisor series
    /// (no `container` label) when `containers` is set.
    private func select(_ metric: String, containers: Bool = false, _ matchers: String...) -> String {
        var all = matchers
        if containers { all.insert("container!=\"\"", at: 0) }
        if !clusterMatcher.isEmpty { all.append(clusterMatcher) }
        return all.isEmpty ? metric : "\(metric){\(all.joined(separator: ", "))}"
    }

    private func by(_ labels: String, extra: String = "") -> String {
        extra.isEmpty ? labels : "\(labels), \(extra)"
    }

    // MARK: Range queries, one per time chunk

    /// CPU cores of every cAdvisor container series at each step. No aggregation here: a
    /// `max by` over a day of steps costs Prometheus more than the whole query without it, so
    /// the series of one pod and container (a restarted container's old and new ones) are merged
    /// by Steward, taking the larger value per step.
    var cpuUsage: String {
        "rate(\(select("container_cpu_usage_seconds_total", containers: true))[\(rateWindow)])"
    }

    /// Working-set bytes of every cAdvisor container series at each step; merged the same way.
    /// These are the samples of the percentiles: one per step and pod, like CPU.
    var memoryUsage: String {
        select("container_memory_working_set_bytes", containers: true)
    }

    /// The highest working-set sample of every cAdvisor container series in each step
    /// `(t − step, t]`: the peak, which the value at the step's instant misses whenever the
    /// container spiked between two steps. The range is one millisecond short of the step
    /// because Prometheus 2 reads both ends of a range, so a scrape on a step's boundary would
    /// fall into two steps (and the window's start into the first); Prometheus 3 reads ranges
    /// open at the start, and then leaves out only a sample stamped one millisecond after a
    /// boundary.
    var memoryPeaks: String {
        let range = PrometheusDuration(milliseconds: step.milliseconds - 1)
        return "max_over_time(\(select("container_memory_working_set_bytes", containers: true))[\(range)])"
    }

    // MARK: Instant queries at the end of a chunk or of the window

    /// Restarts whose last termination reason is `OOMKilled`, at each step of a chunk where there
    /// were any: the restart counter's increase over one step, kept only where the reason is
    /// `OOMKilled`. Filtering by the reason first keeps the subtraction to the few containers ever
    /// OOM-killed. Evaluated at the chunk's end, the subquery returns only the steps with a kill,
    /// per series; Steward sums them per step and pod (keeping the larger of duplicate series).
    func oomKills(over chunk: PrometheusDuration) -> String {
        "(\(regularAndInit(oomKillSteps)))[\(chunk):\(step)]"
    }

    /// The OOM kills of one step, per series of containers reported under `prefix`.
    private func oomKillSteps(_ prefix: String) -> String {
        let reason = select("\(prefix)_status_last_terminated_reason", "reason=\"OOMKilled\"")
        return restartIncreases(prefix) { "\($0) and on (\(containerLabels)) (\(reason) == 1)" }
    }

    /// The restart counter's increase over one step, per series of containers reported under
    /// `prefix`, of the series `filter` keeps (it is given the counter's selector).
    private func restartIncreases(_ prefix: String, keeping filter: (String) -> String) -> String {
        let restarts = select("\(prefix)_status_restarts_total")
        return "((\(filter(restarts))) - \(restarts) offset \(step)) > 0"
    }

    /// Restarts, whatever the reason, at each step of a chunk where there were any: the restart
    /// counter's increase over one step. Sparse like ``oomKills(over:)``: only restarted
    /// containers and their restart steps come back. It reads the counter alone, since some
    /// kube-state-metrics setups drop the last termination reason (`--metric-denylist`, an
    /// allowlist): the reason only tells OOM kills apart (``oomKills(over:)``). Keeping first the
    /// counters above zero (containers that ever restarted) loses no restart and leaves the
    /// subtraction to those.
    func restartSteps(over chunk: PrometheusDuration) -> String {
        let steps = regularAndInit { prefix in restartIncreases(prefix) { "\($0) > 0" } }
        return "(\(steps))[\(chunk):\(step)]"
    }

    /// The containers with a last termination reason at some time in the window: their restarts
    /// can be told apart as OOM kills or not. A container that restarted without one has an
    /// unknown number of OOM kills, not zero.
    var terminationReasons: String {
        let reasons = regularAndInit { prefix in
            "last_over_time(\(select("\(prefix)_status_last_terminated_reason"))[\(window)])"
        }
        return "group by (\(containerLabels)) (\(reasons))"
    }

    /// The memory limit of each container at the steps where it was OOM-killed, the largest over
    /// those steps. Taken at the kill steps only (the OOM-kill condition of ``oomKills(over:)``),
    /// not over the whole window: a StatefulSet pod keeps its name when it is recreated with a
    /// raised limit, and its earlier kills happened under the earlier limit.
    /// Chunked by time like the kills themselves: one subquery over the whole window would hold
    /// every container's limit at every step at once (9.9 M samples for a week of the benchmark's
    /// cluster).
    func oomKillLimits(over chunk: PrometheusDuration) -> String {
        let limits = regularAndInit { prefix in
            let limits = select("\(prefix)_resource_limits", "resource=\"memory\"")
            return "max_over_time((\(limits) and on (\(containerLabels)) (\(oomKillSteps(prefix))))"
                + "[\(chunk):\(step)])"
        }
        return "max by (\(containerLabels)) (\(limits))"
    }

    /// Restarts in the window: the counter only grows for one pod, so its last minus its first
    /// value, per series (two kube-state-metrics replicas give two; Steward keeps the larger).
    var restarts: String {
        regularAndInit { prefix in
            let restarts = select("\(prefix)_status_restarts_total")
            return "max_over_time(\(restarts)[\(window)]) - min_over_time(\(restarts)[\(window)])"
        }
    }

    var throttledPeriods: String {
        "sum by (\(containerLabels)) (increase(\(select("container_cpu_cfs_throttled_periods_total", containers: true))[\(window)]))"
    }

    var cfsPeriods: String {
        "sum by (\(containerLabels)) (increase(\(select("container_cpu_cfs_periods_total", containers: true))[\(window)]))"
    }

    /// Requests or limits (`metric`: `resource_requests` or `resource_limits`) of the pods alive at
    /// the window's end.
    func resources(_ metric: String) -> String {
        let both = regularAndInit { prefix in select("\(prefix)_\(metric)", "resource=~\"cpu|memory\"") }
        return "max by (\(by(containerLabels, extra: "resource"))) (\(both))"
    }

    var requests: String { resources("resource_requests") }
    var limits: String { resources("resource_limits") }

    /// kube-state-metrics reports init containers, native sidecars among them, under their own
    /// names (`kube_pod_init_container_…`): a query of container state asks both, joined by `or`
    /// (a pod's init and regular containers never share a name), so that they are profiled like
    /// any container without a query more.
    private func regularAndInit(_ query: (_ prefix: String) -> String) -> String {
        "\(query("kube_pod_container")) or \(query("kube_pod_init_container"))"
    }

    // MARK: Blackbox probes, range queries per time chunk, per target URL (`instance`)

    /// The share of successful probes in each step, averaged over the target's series (two
    /// blackbox modules, or several clusters without `--cluster`).
    var probeSuccess: String {
        "avg by (instance) (avg_over_time(\(select("probe_success"))[\(step)]))"
    }

    /// The earliest certificate expiry of the step's last probe, the soonest over the target's series.
    var probeExpiry: String {
        "min by (instance) (last_over_time(\(select("probe_ssl_earliest_cert_expiry"))[\(step)]))"
    }

    /// The leaf certificates served in each step, by fingerprint.
    var probeChains: String {
        "group by (instance, fingerprint_sha256) (count_over_time(\(select("probe_ssl_last_chain_info"))[\(step)]))"
    }

    /// Every pod seen in the window and its controller.
    var podOwners: String {
        "group by (\(by(podLabels, extra: "owner_kind, owner_name, owner_is_controller"))) (last_over_time(\(select("kube_pod_owner"))[\(window)]))"
    }

    var replicaSetOwners: String {
        "group by (\(replicaSetLabels), owner_kind, owner_name) (last_over_time(\(select("kube_replicaset_owner"))[\(window)]))"
    }

    var replicaSetCreated: String {
        "max by (\(replicaSetLabels)) (last_over_time(\(select("kube_replicaset_created"))[\(window)]))"
    }

    var jobOwners: String {
        "group by (\(clusterPrefix)namespace, job_name, owner_kind, owner_name) (last_over_time(\(select("kube_job_owner"))[\(window)]))"
    }

    private var replicaSetLabels: String {
        clusterPrefix + "namespace, replicaset"
    }

    /// A label value inside double quotes, as PromQL reads it.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
