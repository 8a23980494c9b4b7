import Profiles

/// What a collection has learned so far; folded from query answers as they arrive.
struct CollectionState: Sendable {
    let options: CollectionOptions
    let plan: CollectionPlan
    private var resolver = WorkloadResolver()
    /// Creation time of each ReplicaSet (the key's `pod` holds the ReplicaSet's name).
    private var replicaSetCreated: [PodKey: Double] = [:]
    private var containers: [ContainerKey: ContainerAccumulator] = [:]
    private(set) var records: [QueryRecord] = []
    /// The first failure of each kind of query.
    private(set) var failures: [QueryJob.Kind: PrometheusError] = [:]
    private var sent: [QueryJob.Kind: Int] = [:]
    private var failed: [QueryJob.Kind: Int] = [:]
    private var serverWarnings: [String] = []
    /// The restart count already added for each pod's container, so that a duplicate series
    /// (two kube-state-metrics replicas) is not counted twice.
    private var restartsSeen: [PodContainerKey: Int] = [:]
    /// What the blackbox probes saw, by target URL.
    private var probeSteps: [String: ProbeAccumulator] = [:]

    init(options: CollectionOptions, plan: CollectionPlan) {
        self.options = options
        self.plan = plan
    }

    /// Whether every query of `kind` failed.
    func allFailed(_ kind: QueryJob.Kind) -> Bool {
        (sent[kind] ?? 0) > 0 && failed[kind] == sent[kind]
    }

    mutating func fold(job: QueryJob, record: QueryRecord, response: QueryResponse?) {
        records.append(record)
        sent[job.kind, default: 0] += 1
        guard let response else {
            failed[job.kind, default: 0] += 1
            if failures[job.kind] == nil, let error = record.error {
                failures[job.kind] = error
            }
            return
        }
        for warning in response.warnings where !serverWarnings.contains(warning) {
            serverWarnings.append(warning)
        }
        var record = record
        switch response.data {
        case .vector(let samples):
            record.series = samples.count
            record.points = samples.count
            for sample in samples {
                foldInstant(job.kind, labels: sample.labels, value: sample.value)
            }
        case .matrix(let series):
            record.series = series.count
            record.points = series.reduce(0) { $0 + $1.values.count }
            foldMatrix(job.kind, series: series)
        case .scalar, .string:
            break
        }
        records[records.count - 1] = record
    }

    private func cluster(_ labels: [String: String]) -> String {
        options.clusterLabel.flatMap { labels[$0] } ?? options.defaultClusterName
    }

    /// The pod and container a series describes, if it names both.
    private func podContainerKey(_ labels: [String: String]) -> PodContainerKey? {
        guard let namespace = labels["namespace"], let pod = labels["pod"],
            let container = labels["container"], !container.isEmpty
        else { return nil }
        return PodContainerKey(
            pod: PodKey(cluster: cluster(labels), namespace: namespace, pod: pod), container: container)
    }

    /// The workload container a series of `namespace, pod, container` belongs to.
    private mutating func container(_ labels: [String: String]) -> ContainerKey? {
        podContainerKey(labels).map { containerKey(for: $0) }
    }

    private mutating func containerKey(for key: PodContainerKey) -> ContainerKey {
        ContainerKey(
            cluster: key.pod.cluster, namespace: key.pod.namespace, workload: resolver.workload(of: key.pod),
            container: key.container)
    }

    private mutating func foldInstant(_ kind: QueryJob.Kind, labels: [String: String], value: Double) {
        let owner = (kind: labels["owner_kind"] ?? "", name: labels["owner_name"] ?? "")
        switch kind {
        case .podOwners:
            guard let namespace = labels["namespace"], let pod = labels["pod"] else { return }
            resolver.addPodOwner(
                PodKey(cluster: cluster(labels), namespace: namespace, pod: pod), kind: owner.kind,
                name: owner.name, isController: labels["owner_is_controller"] == "true")
        case .replicaSetOwners:
            guard let namespace = labels["namespace"], let replicaSet = labels["replicaset"] else { return }
            resolver.addReplicaSetOwner(
                PodKey(cluster: cluster(labels), namespace: namespace, pod: replicaSet), kind: owner.kind,
                name: owner.name)
        case .jobOwners:
            guard let namespace = labels["namespace"], let job = labels["job_name"] else { return }
            resolver.addJobOwner(
                PodKey(cluster: cluster(labels), namespace: namespace, pod: job), kind: owner.kind,
                name: owner.name)
        case .replicaSetCreated:
            guard let namespace = labels["namespace"], let replicaSet = labels["replicaset"] else { return }
            replicaSetCreated[PodKey(cluster: cluster(labels), namespace: namespace, pod: replicaSet)] = value
        case .restarts, .throttledPeriods, .cfsPeriods, .requests, .limits, .oomKillLimits,
            .terminationReasons:
            guard value.isFinite, let key = container(labels) else { return }
            var accumulator = containers[key] ?? ContainerAccumulator()
            switch kind {
            case .terminationReasons:
                guard let podContainer = podContainerKey(labels) else { return }
                accumulator.podsWithTerminationReason.insert(podContainer.pod.pod)
            case .oomKillLimits:
                guard let podContainer = podContainerKey(labels) else { return }
                accumulator.oomKillLimits[podContainer.pod.pod] = max(
                    accumulator.oomKillLimits[podContainer.pod.pod] ?? value, value)
            case .restarts:
                guard let podContainer = podContainerKey(labels) else { return }
                let count = Int(max(0, value).rounded())
                let seen = restartsSeen[podContainer]
                restartsSeen[podContainer] = max(seen ?? 0, count)
                accumulator.restarts = (accumulator.restarts ?? 0) + max(0, count - (seen ?? 0))
            case .throttledPeriods:
                accumulator.throttled = (accumulator.throttled ?? 0) + value
            case .cfsPeriods:
                accumulator.periods = (accumulator.periods ?? 0) + value
            case .requests, .limits:
                let isRequest = kind == .requests
                var amounts = isRequest ? accumulator.requests : accumulator.limits
                switch labels["resource"] {
                case "cpu": amounts.cpu = max(amounts.cpu ?? value, value)
                case "memory": amounts.memory = max(amounts.memory ?? value, value)
                default: return
                }
                if isRequest { accumulator.requests = amounts } else { accumulator.limits = amounts }
            default:
                break
            }
            containers[key] = accumulator
        case .cpu, .memory, .memoryPeaks, .oomKills, .restartSteps, .probeSuccess, .probeExpiry, .probeChains:
            break
        }
    }

    /// Folds a range result. The series of one pod's container (a restarted container's old and
    /// new cAdvisor series, duplicate scrapes) are first merged, keeping the larger value per step.
    private mutating func foldMatrix(_ kind: QueryJob.Kind, series: [RangeSeries]) {
        switch kind {
        case .cpu, .memory: break
        case .memoryPeaks:
            foldPeaks(series)
            return
        case .oomKills, .restartSteps:
            foldCounts(kind, series: series)
            return
        case .probeSuccess, .probeExpiry, .probeChains:
            foldProbes(kind, series: series)
            return
        default: return
        }
        var groups: [PodContainerKey: [Int]] = [:]
        for (index, one) in series.enumerated() {
            guard let key = podContainerKey(one.labels) else { continue }
            groups[key, default: []].append(index)
        }
        for (key, indices) in groups {
            let merged = indices.count == 1 ? series[indices[0]] : Self.merge(indices.map { series[$0] })
            let workloadContainer = containerKey(for: key)
            var accumulator = containers.removeValue(forKey: workloadContainer) ?? ContainerAccumulator()
            // Looked up once per series: this loop runs for every sample of the cluster.
            let loops = accumulator.crashLoops[key.pod.pod]
            for (time, value) in zip(merged.times, merged.values) {
                guard let step = plan.step(at: time) else { continue }
                if let loops, loops.contains(step) {
                    accumulator.leaveOut(step: step, memory: kind == .memory)
                    continue
                }
                if kind == .cpu {
                    accumulator.addCPU(value, step: step)
                } else {
                    accumulator.addMemory(value, step: step, time: time)
                }
            }
            containers[workloadContainer] = accumulator
        }
    }

    /// Folds the memory peak of each step. A peak is a sample, so the series of one pod's
    /// container need no merging: the largest of them is the largest of all.
    private mutating func foldPeaks(_ series: [RangeSeries]) {
        for one in series {
            guard let podContainer = podContainerKey(one.labels) else { continue }
            let key = containerKey(for: podContainer)
            var accumulator = containers.removeValue(forKey: key) ?? ContainerAccumulator()
            let loops = accumulator.crashLoops[podContainer.pod.pod]
            for (time, value) in zip(one.times, one.values) {
                guard let step = plan.step(at: time), loops?.contains(step) != true else { continue }
                accumulator.addMemoryPeak(value, time: time)
            }
            containers[key] = accumulator
        }
    }

    /// Folds the steps with restarts or OOM kills of each pod's container. Two series of one pod
    /// and step (two kube-state-metrics replicas) count once, the larger; time chunks that share
    /// their boundary step count it once.
    private mutating func foldCounts(_ kind: QueryJob.Kind, series: [RangeSeries]) {
        for one in series {
            guard let podContainer = podContainerKey(one.labels) else { continue }
            var found: [Int: Int] = [:]
            for (time, value) in zip(one.times, one.values) where value.isFinite && value > 0 {
                guard let step = plan.step(at: time) else { continue }
                found[step] = Int(value.rounded())
            }
            // A step outside the window (a subquery may include the instant the window starts) is not
            // a restart in it.
            guard !found.isEmpty else { continue }
            let key = containerKey(for: podContainer)
            var accumulator = containers.removeValue(forKey: key) ?? ContainerAccumulator()
            let pod = podContainer.pod.pod
            var steps =
                (kind == .oomKills ? accumulator.oomKillSteps[pod] : accumulator.restartSteps[pod]) ?? [:]
            steps.merge(found) { max($0, $1) }
            if kind == .oomKills {
                accumulator.oomKillSteps[pod] = steps
            } else {
                accumulator.restartSteps[pod] = steps
            }
            containers[key] = accumulator
        }
    }

    private mutating func foldProbes(_ kind: QueryJob.Kind, series: [RangeSeries]) {
        for one in series {
            guard let target = one.labels["instance"], !target.isEmpty else { continue }
            var probe = probeSteps[target] ?? ProbeAccumulator()
            for (time, value) in zip(one.times, one.values) where value.isFinite {
                guard let step = plan.step(at: time) else { continue }
                switch kind {
                case .probeSuccess: probe.success[step] = value
                case .probeExpiry: probe.expiry[step] = value
                default:
                    guard let fingerprint = one.labels["fingerprint_sha256"], !fingerprint.isEmpty else {
                        break
                    }
                    probe.sight(fingerprint, step: step)
                }
            }
            probeSteps[target] = probe
        }
    }

    /// One series with the largest value of `series` at each time, oldest first.
    private static func merge(_ series: [RangeSeries]) -> RangeSeries {
        var largest: [Double: Double] = [:]
        for one in series {
            for (time, value) in zip(one.times, one.values) where value.isFinite {
                largest[time] = max(largest[time] ?? value, value)
            }
        }
        let points = largest.sorted { $0.key < $1.key }
        return RangeSeries(labels: series[0].labels, times: points.map(\.key), values: points.map(\.value))
    }

    /// Marks the crash loops of every pod's container (``CrashLoopSpans``) from the restart and
    /// OOM-kill steps folded so far, so that the CPU and memory samples folded next leave them
    /// out. Only where restarts can be told from OOM kills: every count query answered, and the
    /// pod has a termination reason; otherwise nothing is left out, since an OOM kill would pass
    /// for a crash and the usage before it is what the limit must be sized from.
    mutating func markCrashLoops() {
        guard complete(.restartSteps), complete(.oomKills), complete(.terminationReasons) else { return }
        let stepSeconds = Double(plan.stepMilliseconds) / 1000
        for (key, accumulator) in containers {
            for (pod, restarts) in accumulator.restartSteps
            where accumulator.podsWithTerminationReason.contains(pod) {
                let loops = CrashLoopSpans(
                    restarts: restarts, oomKills: accumulator.oomKillSteps[pod] ?? [:],
                    stepSeconds: stepSeconds)
                if !loops.spans.isEmpty { containers[key]?.crashLoops[pod] = loops }
            }
        }
    }

    /// The profiles, sorted by cluster, namespace, workload and container.
    func profiles() -> [UsageProfile] {
        let rollouts = self.rollouts()
        let answered = StepCountsAnswered(
            oomKills: complete(.oomKills), restarts: complete(.restartSteps),
            terminationReasons: complete(.terminationReasons))
        return containers.sorted { $0.key < $1.key }.map { key, accumulator in
            var accumulator = accumulator
            if failed[.throttledPeriods] != nil || failed[.cfsPeriods] != nil {
                accumulator.throttled = nil
            }
            // The largest limit of the chunks that answered may be below the one at a kill in a
            // chunk that did not: without all of them the OOM fix starts from the live limit.
            if failed[.oomKillLimits] != nil {
                accumulator.oomKillLimits = [:]
            }
            let workload = PodKey(
                cluster: key.cluster, namespace: key.namespace,
                pod: key.workload.kind + "/" + key.workload.name)
            return accumulator.profile(key: key, plan: plan, rollouts: rollouts[workload], answered: answered)
        }
    }

    /// Whether every query of `kind` was sent and answered.
    private func complete(_ kind: QueryJob.Kind) -> Bool {
        (sent[kind] ?? 0) > 0 && failed[kind] == nil
    }

    /// What the blackbox probes saw of each target, sorted by target; nil when no probe series
    /// came back (no blackbox exporter, or its queries failed).
    func probes() -> [ProbeProfile]? {
        guard !probeSteps.isEmpty else { return nil }
        return probeSteps.sorted { $0.key < $1.key }.map { $0.value.profile(target: $0.key, plan: plan) }
    }

    /// The ReplicaSets of each workload (keyed by `Kind/name`), oldest first.
    private func rollouts() -> [PodKey: [Rollout]] {
        var rollouts: [PodKey: [Rollout]] = [:]
        for (replicaSet, created) in replicaSetCreated {
            let owner = resolver.resolve(
                WorkloadKey(kind: "ReplicaSet", name: replicaSet.pod), cluster: replicaSet.cluster,
                namespace: replicaSet.namespace)
            guard owner.kind != "ReplicaSet" else { continue }
            let workload = PodKey(
                cluster: replicaSet.cluster, namespace: replicaSet.namespace,
                pod: owner.kind + "/" + owner.name)
            rollouts[workload, default: []].append(Rollout(replicaSet: replicaSet.pod, created: created))
        }
        return rollouts.mapValues { list in
            list.sorted { ($0.created, $0.replicaSet) < ($1.created, $1.replicaSet) }
        }
    }

    /// Server warnings, then one line per kind of failed query, then pods without an owner.
    func warnings() -> [String] {
        var warnings = serverWarnings.map { "Prometheus warning: \($0)" }
        // Each failure once, even when every time chunk of a query failed the same way.
        for record in records {
            guard let error = record.error, failures.values.contains(error) else { continue }
            let warning = "\(error) (its numbers are missing from the profiles)"
            if !warnings.contains(warning) {
                warnings.append(warning)
            }
        }
        if !resolver.unownedPods.isEmpty {
            let examples = resolver.unownedPods.map { "\($0.namespace)/\($0.pod)" }.sorted().prefix(3)
            warnings.append(
                "\(resolver.unownedPods.count) pods have no kube_pod_owner series and are profiled as kind Pod "
                    + "(e.g. \(examples.joined(separator: ", ")))")
        }
        return warnings
    }
}
