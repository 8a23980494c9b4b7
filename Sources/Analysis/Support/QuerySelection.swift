/// Picks, from every query of a profiles file, those that read the given metrics: the queries a
/// finding's numbers came from.
enum QuerySelection {
    static let cpu = ["container_cpu_usage_seconds_total"]
    static let memory = ["container_memory_working_set_bytes"]
    static let oom = [
        "kube_pod_container_status_last_terminated_reason", "kube_pod_container_resource_limits",
    ]
    static let throttling = ["container_cpu_cfs_throttled_periods_total", "container_cpu_cfs_periods_total"]
    static let restarts = ["kube_pod_container_status_restarts_total", "kube_replicaset_created"]
    static let probes = ["probe_success", "probe_ssl_earliest_cert_expiry", "probe_ssl_last_chain_info"]

    /// The queries mentioning any of `metrics`, in their order; nil when none does.
    static func select(_ queries: [String], metrics: [[String]]) -> [String]? {
        let names = metrics.flatMap { $0 }
        let selected = queries.filter { query in names.contains { query.contains($0) } }
        return selected.isEmpty ? nil : selected
    }
}
