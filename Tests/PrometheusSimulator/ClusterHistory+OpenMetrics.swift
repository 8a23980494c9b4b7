import Foundation

extension ClusterHistory {
    /// The length of one OpenMetrics file and one backfilled block: 18h, the largest block
    /// promtool makes with `--max-block-duration=18h`. Files are aligned to multiples of it, so
    /// promtool reads each file once (with its default 2h blocks it re-reads a file per 2h).
    public static let blockSeconds: Int64 = 18 * 3600

    /// Writes the history as OpenMetrics text into `directory`, one file per aligned 18h window,
    /// and returns the files and the number of samples written.
    public func writeOpenMetrics(to directory: String) throws -> (files: [String], samples: Int) {
        let firstBlock = (start / Self.blockSeconds) * Self.blockSeconds
        var writers: [OpenMetricsWriter] = []
        var blockStart = firstBlock
        while blockStart <= end {
            writers.append(try OpenMetricsWriter(path: "\(directory)/history-\(blockStart).om"))
            blockStart += Self.blockSeconds
        }
        let emitter = SeriesEmitter(history: self, writers: writers, firstBlock: firstBlock)
        for workload in workloads {
            try emitter.emit(workload)
        }
        for probe in probes {
            try emitter.emit(probe)
        }
        for writer in writers {
            try writer.finish()
        }
        return (writers.map(\.path), writers.reduce(0) { $0 + $1.samples })
    }
}

/// Turns simulated traces into series, each sample into the file of its 18h window.
private struct SeriesEmitter {
    let history: ClusterHistory
    let writers: [OpenMetricsWriter]
    let firstBlock: Int64

    func emit(_ workload: ClusterHistory.Workload) throws {
        var base: [(String, String)] = []
        if let label = history.clusterLabel {
            base.append((label, workload.cluster))
        }
        base.append(("namespace", workload.namespace))
        let ksm = base + [("job", "kube-state-metrics")]
        for replicaSet in workload.replicaSets {
            let labels = ksm + [("replicaset", replicaSet.name)]
            let from = max(
                history.start,
                (replicaSet.created + history.interval - 1) / history.interval * history.interval)
            try emit(
                "kube_replicaset_owner",
                labels + [
                    ("owner_kind", workload.kind), ("owner_name", workload.name),
                    ("owner_is_controller", "true"),
                ], from: from, to: history.end + 1
            ) { _ in 1 }
            try emit("kube_replicaset_created", labels, from: from, to: history.end + 1) { _ in
                Double(replicaSet.created)
            }
        }
        for job in workload.jobs {
            let from = workload.pods.filter { $0.ownerName == job }.map(\.birth).min() ?? history.start
            try emit(
                "kube_job_owner",
                ksm + [
                    ("job_name", job), ("owner_kind", workload.kind), ("owner_name", workload.name),
                    ("owner_is_controller", "true"),
                ], from: from, to: history.end + 1
            ) { _ in 1 }
        }
        for pod in workload.pods {
            try emit(pod, base: base, ksm: ksm)
        }
    }

    /// The blackbox exporter's series of one target, at each probe's own time.
    func emit(_ probe: BlackboxProbe) throws {
        var labels: [(String, String)] = []
        if let label = history.clusterLabel {
            labels.append((label, probe.cluster))
        }
        labels += [("instance", probe.target), ("job", "blackbox")]
        let times = probe.times(from: history.start, to: history.end)
        try emit("probe_success", labels, at: times) { probe.succeeds(at: $0) ? 1 : 0 }
        try emit("probe_ssl_earliest_cert_expiry", labels, at: times) {
            probe.certificate(at: $0).map { Double($0.expiry) }
        }
        for certificate in probe.certificates {
            let chain =
                labels + [
                    ("fingerprint_sha256", certificate.fingerprint), ("issuer", "CN=Example CA"),
                    ("subject", certificate.subject),
                ]
            try emit("probe_ssl_last_chain_info", chain, at: times) {
                probe.certificate(at: $0) == certificate ? 1 : nil
            }
        }
    }

    private func emit(
        _ metric: String, _ labels: [(String, String)], at times: [Int64], value: (Int64) -> Double?
    )
        throws
    {
        let escaped = labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
        let series = Array("\(metric){\(escaped)} ".utf8)
        for time in times {
            guard let sample = value(time) else { continue }
            try writers[Int((time - firstBlock) / ClusterHistory.blockSeconds)].sample(
                series, value: sample, time: time)
        }
    }

    private func emit(_ pod: ClusterHistory.Pod, base: [(String, String)], ksm: [(String, String)]) throws {
        let podLabels = ksm + [("pod", pod.name), ("uid", pod.uid)]
        try emit(
            "kube_pod_owner",
            podLabels + [
                ("owner_kind", pod.ownerKind), ("owner_name", pod.ownerName), ("owner_is_controller", "true"),
            ], from: pod.birth, to: pod.death
        ) { _ in 1 }
        let traces = pod.containers.indices.map { history.trace(of: pod, container: $0) }
        for (index, spec) in pod.containers.enumerated() {
            let trace = traces[index]
            let labels = podLabels + [("container", spec.name)]
            let prefix = spec.kubeStateMetricsPrefix
            // kube-state-metrics reports a container for its pod's whole life, a completed init
            // container with its last status: the step that status comes from, nil before it ran.
            var last: Int?
            let status = (0..<history.stepCount).map { step -> Int? in
                if trace.alive[step] { last = step }
                return last
            }
            try emit("\(prefix)_status_restarts_total", labels, from: pod.birth, to: pod.death) {
                Double(status[$0].map { trace.restarts[$0] } ?? 0)
            }
            if history.terminatedReasons {
                try emit(
                    "\(prefix)_status_last_terminated_reason", labels + [("reason", "OOMKilled")],
                    from: pod.birth, to: pod.death
                ) { status[$0].flatMap { trace.lastTerminatedOOM[$0] ? 1 : nil } }
                try emit(
                    "\(prefix)_status_last_terminated_reason", labels + [("reason", "Error")],
                    from: pod.birth, to: pod.death
                ) { status[$0].flatMap { trace.lastTerminatedError[$0] ? 1 : nil } }
            }
            for (metric, amounts) in [
                ("\(prefix)_resource_requests", spec.requests), ("\(prefix)_resource_limits", spec.limits),
            ] {
                if let cpu = amounts.cpu {
                    try emit(
                        metric, labels + [("resource", "cpu"), ("unit", "core")], from: pod.birth,
                        to: pod.death
                    ) { _ in cpu }
                }
                if let memory = amounts.memory {
                    try emit(
                        metric, labels + [("resource", "memory"), ("unit", "byte")], from: pod.birth,
                        to: pod.death
                    ) { _ in memory }
                }
            }
            if case .noSamples = spec.pattern { continue }
            try emitCAdvisor(pod: pod, container: index, spec: spec, base: base, trace: trace)
        }
        if history.podLevelSeries {
            try emitPodLevel(pod: pod, base: base, traces: traces)
        }
    }

    /// One cAdvisor series per container instance: a restart changes `id`.
    private func emitCAdvisor(
        pod: ClusterHistory.Pod, container: Int, spec: ClusterHistory.ContainerSpec, base: [(String, String)],
        trace: ContainerTrace
    ) throws {
        let instances = Set(trace.instance.indices.filter { trace.alive[$0] }.map { trace.instance[$0] })
        for instance in instances.sorted() {
            let id = history.noise.bits(pod.index, container, instance, 99) & 0xFFFF_FFFF_FFFF
            let labels =
                base + [
                    ("pod", pod.name), ("container", spec.name),
                    ("id", "/kubepods/burstable/pod\(pod.uid)/\(String(id, radix: 16))"), ("job", "kubelet"),
                ]
            let mine = { (step: Int) -> Bool in trace.alive[step] && trace.instance[step] == instance }
            try emit("container_cpu_usage_seconds_total", labels, trace: trace) {
                mine($0) ? trace.cpuSeconds[$0] : nil
            }
            var spikes: [Int: [(time: Int64, value: Double)]] = [:]
            for (step, spike) in history.spikes(of: spec, in: trace)
            where trace.instance[step] == instance {
                spikes[step, default: []] += spike.times.map { ($0, spike.bytes) }
            }
            try emit("container_memory_working_set_bytes", labels, trace: trace) {
                mine($0) ? trace.memory[$0] : nil
            } between: {
                (spikes[$0] ?? []).sorted { $0.time < $1.time }
            }
            if spec.limits.cpu != nil {
                try emit("container_cpu_cfs_periods_total", labels, trace: trace) {
                    mine($0) ? trace.periods[$0] : nil
                }
                try emit("container_cpu_cfs_throttled_periods_total", labels, trace: trace) {
                    mine($0) ? trace.throttled[$0] : nil
                }
            }
        }
    }

    /// cAdvisor's pod cgroup, without a `container` label: a collector must not count it.
    private func emitPodLevel(pod: ClusterHistory.Pod, base: [(String, String)], traces: [ContainerTrace])
        throws
    {
        let labels =
            base + [
                ("pod", pod.name), ("container", ""), ("id", "/kubepods/burstable/pod\(pod.uid)"),
                ("job", "kubelet"),
            ]
        var total = 0.0
        var cpu: [Double?] = Array(repeating: nil, count: history.stepCount)
        var memory: [Double?] = Array(repeating: nil, count: history.stepCount)
        for step in 0..<history.stepCount where traces.contains(where: { $0.alive[step] }) {
            total += traces.reduce(0) { $0 + $1.cpuCores[step] } * Double(history.interval)
            cpu[step] = 5000 + total
            memory[step] = traces.reduce(0) { $0 + $1.memory[step] }
        }
        try emit("container_cpu_usage_seconds_total", labels, from: pod.birth, to: pod.death) {
            cpu[$0]
        }
        try emit("container_memory_working_set_bytes", labels, from: pod.birth, to: pod.death) {
            memory[$0]
        }
    }

    private func emit(
        _ metric: String, _ labels: [(String, String)], trace: ContainerTrace, value: (Int) -> Double?
    ) throws {
        try emit(metric, labels, from: history.start, to: history.end + 1) { step in
            trace.alive[step] ? value(step) : nil
        }
    }

    /// Like ``emit(_:_:trace:value:)``, with the samples `between(step)` after the scrape of
    /// `step` and before the next one, ascending.
    private func emit(
        _ metric: String, _ labels: [(String, String)], trace: ContainerTrace, value: (Int) -> Double?,
        between: (Int) -> [(time: Int64, value: Double)]
    ) throws {
        let escaped = labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
        let series = Array("\(metric){\(escaped)} ".utf8)
        for step in 0..<history.stepCount where trace.alive[step] {
            let time = history.time(ofStep: step)
            var samples = between(step)
            if let sample = value(step) {
                samples.insert((time, sample), at: 0)
            }
            for sample in samples {
                try writers[Int((sample.time - firstBlock) / ClusterHistory.blockSeconds)].sample(
                    series, value: sample.value, time: sample.time)
            }
        }
    }

    /// Writes the samples of one series at the scrapes in `[from, to)` where `value` gives one.
    private func emit(
        _ metric: String, _ labels: [(String, String)], from: Int64, to: Int64, value: (Int) -> Double?
    ) throws {
        let escaped = labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
        let series = Array("\(metric){\(escaped)} ".utf8)
        for step in 0..<history.stepCount {
            let time = history.time(ofStep: step)
            guard time >= from, time < to, let sample = value(step) else { continue }
            try writers[Int((time - firstBlock) / ClusterHistory.blockSeconds)].sample(
                series, value: sample, time: time)
        }
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
