/// Builds workloads with Kubernetes-like names: `web-7d9f8c6b5-x7k2p` for a Deployment's pod,
/// `ledger-0` for a StatefulSet's, `node-agent-q2w9z` for a DaemonSet's.
struct WorkloadBuilder {
    let noise: DeterministicNoise
    let start: Int64
    let end: Int64
    let interval: Int64
    private var nextIndex = 0

    init(noise: DeterministicNoise, start: Int64, end: Int64, interval: Int64) {
        self.noise = noise
        self.start = start
        self.end = end
        self.interval = interval
    }

    /// Pods that outlive the history: born before it, alive after its last scrape.
    var beforeStart: Int64 { start - 3 * 86_400 }
    var afterEnd: Int64 { end + interval }

    /// One revision of a Deployment: its pods run `[from, until)` with `containers`.
    struct Revision {
        var containers: [ClusterHistory.ContainerSpec]
        var created: Int64
        var from: Int64
        var until: Int64
    }

    mutating func deployment(
        cluster: String, namespace: String, name: String, replicas: Int, revisions: [Revision]
    ) -> ClusterHistory.Workload {
        var replicaSets: [ClusterHistory.ReplicaSet] = []
        var pods: [ClusterHistory.Pod] = []
        for revision in revisions {
            let hash = noise.suffix(10, nextIndex, 1)
            let replicaSet = "\(name)-\(hash)"
            replicaSets.append(ClusterHistory.ReplicaSet(name: replicaSet, created: revision.created))
            for _ in 0..<replicas {
                pods.append(
                    pod(
                        name: "\(replicaSet)-\(noise.suffix(5, nextIndex, 2))", ownerKind: "ReplicaSet",
                        ownerName: replicaSet, from: revision.from, until: revision.until,
                        containers: revision.containers))
            }
        }
        return ClusterHistory.Workload(
            cluster: cluster, namespace: namespace, kind: "Deployment", name: name, replicaSets: replicaSets,
            pods: pods)
    }

    mutating func statefulSet(
        cluster: String, namespace: String, name: String, replicas: Int,
        containers: [ClusterHistory.ContainerSpec]
    ) -> ClusterHistory.Workload {
        let pods = (0..<replicas).map { ordinal in
            pod(
                name: "\(name)-\(ordinal)", ownerKind: "StatefulSet", ownerName: name, from: beforeStart,
                until: afterEnd, containers: containers)
        }
        return ClusterHistory.Workload(
            cluster: cluster, namespace: namespace, kind: "StatefulSet", name: name, replicaSets: [],
            pods: pods)
    }

    /// A one-replica StatefulSet whose pod `<name>-0` is deleted and recreated under the same
    /// name (a new uid) for each of `incarnations`, one after the other.
    mutating func recreatedStatefulSet(
        cluster: String, namespace: String, name: String, incarnations: [Revision]
    ) -> ClusterHistory.Workload {
        let pods = incarnations.map { incarnation in
            pod(
                name: "\(name)-0", ownerKind: "StatefulSet", ownerName: name, from: incarnation.from,
                until: incarnation.until, containers: incarnation.containers)
        }
        return ClusterHistory.Workload(
            cluster: cluster, namespace: namespace, kind: "StatefulSet", name: name, replicaSets: [],
            pods: pods)
    }

    mutating func daemonSet(
        cluster: String, namespace: String, name: String, nodes: Int,
        containers: [ClusterHistory.ContainerSpec]
    ) -> ClusterHistory.Workload {
        let pods = (0..<nodes).map { _ in
            pod(
                name: "\(name)-\(noise.suffix(5, nextIndex, 3))", ownerKind: "DaemonSet", ownerName: name,
                from: beforeStart, until: afterEnd, containers: containers)
        }
        return ClusterHistory.Workload(
            cluster: cluster, namespace: namespace, kind: "DaemonSet", name: name, replicaSets: [], pods: pods
        )
    }

    /// A CronJob whose Job `<name>-<minute>` runs one pod over each of `runs`.
    mutating func cronJob(
        cluster: String, namespace: String, name: String, runs: [(start: Int64, end: Int64)],
        containers: [ClusterHistory.ContainerSpec]
    ) -> ClusterHistory.Workload {
        var jobs: [String] = []
        var pods: [ClusterHistory.Pod] = []
        for run in runs {
            let job = "\(name)-\(run.start / 60)"
            jobs.append(job)
            pods.append(
                pod(
                    name: "\(job)-\(noise.suffix(5, nextIndex, 4))", ownerKind: "Job", ownerName: job,
                    from: run.start, until: run.end, containers: containers))
        }
        return ClusterHistory.Workload(
            cluster: cluster, namespace: namespace, kind: "CronJob", name: name, replicaSets: [], pods: pods,
            jobs: jobs)
    }

    /// A pod without controller: kube-state-metrics reports its owner as `<none>`.
    mutating func barePod(
        cluster: String, namespace: String, name: String, containers: [ClusterHistory.ContainerSpec]
    ) -> ClusterHistory.Workload {
        let bare = pod(
            name: name, ownerKind: "<none>", ownerName: "<none>", from: beforeStart, until: afterEnd,
            containers: containers)
        return ClusterHistory.Workload(
            cluster: cluster, namespace: namespace, kind: "Pod", name: name, replicaSets: [], pods: [bare])
    }

    private mutating func pod(
        name: String, ownerKind: String, ownerName: String, from: Int64, until: Int64,
        containers: [ClusterHistory.ContainerSpec]
    ) -> ClusterHistory.Pod {
        let index = nextIndex
        nextIndex += 1
        let bits = noise.bits(index, 4242)
        let hex =
            String(bits, radix: 16).padding(toLength: 16, withPad: "0", startingAt: 0)
            + String(noise.bits(index, 4243), radix: 16).padding(toLength: 16, withPad: "0", startingAt: 0)
        let characters = Array(hex)
        let uid = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(
            separator: "-")
        return ClusterHistory.Pod(
            name: name, uid: uid, ownerKind: ownerKind, ownerName: ownerName, birth: from, death: until,
            containers: containers, index: index)
    }
}
