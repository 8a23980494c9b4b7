import Profiles

/// Maps pods to the workloads that own them, from kube-state-metrics' owner metrics:
/// Deployment → ReplicaSet → Pod, CronJob → Job → Pod, and StatefulSet, DaemonSet (and any other
/// controller) → Pod directly.
struct WorkloadResolver: Sendable {
    /// The controller of each pod, as `kube_pod_owner` names it.
    private var podOwners: [PodKey: WorkloadKey] = [:]
    /// The owner of each ReplicaSet or Job (key's `pod` holds the ReplicaSet or Job name).
    private var replicaSetOwners: [PodKey: WorkloadKey] = [:]
    private var jobOwners: [PodKey: WorkloadKey] = [:]
    /// Pods whose `kube_pod_owner` says they have no owner: bare pods.
    private var barePods: Set<PodKey> = []
    /// Pods that no `kube_pod_owner` series describes, reported once.
    private(set) var unownedPods: Set<PodKey> = []

    /// kube-state-metrics writes this for a missing owner.
    private static let none = "<none>"

    mutating func addPodOwner(_ pod: PodKey, kind: String, name: String, isController: Bool) {
        guard kind != Self.none, !kind.isEmpty, !name.isEmpty else {
            barePods.insert(pod)
            return
        }
        // A pod may list several owners; the controller wins.
        if podOwners[pod] == nil || isController {
            podOwners[pod] = WorkloadKey(kind: kind, name: name)
        }
    }

    mutating func addReplicaSetOwner(_ replicaSet: PodKey, kind: String, name: String) {
        guard kind != Self.none, !kind.isEmpty, !name.isEmpty else { return }
        replicaSetOwners[replicaSet] = WorkloadKey(kind: kind, name: name)
    }

    mutating func addJobOwner(_ job: PodKey, kind: String, name: String) {
        guard kind != Self.none, !kind.isEmpty, !name.isEmpty else { return }
        jobOwners[job] = WorkloadKey(kind: kind, name: name)
    }

    /// The workload of `pod`; a pod without a known owner (a bare or static pod, or no
    /// kube-state-metrics) is its own workload of kind `Pod`.
    mutating func workload(of pod: PodKey) -> WorkloadKey {
        guard let owner = podOwners[pod] else {
            if !barePods.contains(pod) {
                unownedPods.insert(pod)
            }
            return WorkloadKey(kind: "Pod", name: pod.pod)
        }
        if owner.kind == "Node" {
            // A static pod, mirrored by the kubelet: no controller in Git owns it.
            return WorkloadKey(kind: "Pod", name: pod.pod)
        }
        return resolve(owner, cluster: pod.cluster, namespace: pod.namespace)
    }

    /// The top controller of an intermediate owner: a ReplicaSet's Deployment, a Job's CronJob.
    func resolve(_ owner: WorkloadKey, cluster: String, namespace: String) -> WorkloadKey {
        let key = PodKey(cluster: cluster, namespace: namespace, pod: owner.name)
        switch owner.kind {
        case "ReplicaSet":
            return replicaSetOwners[key] ?? owner
        case "Job":
            return jobOwners[key] ?? owner
        default:
            return owner
        }
    }
}
