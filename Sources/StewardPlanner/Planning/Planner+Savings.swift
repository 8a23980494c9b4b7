import Kubernetes

extension Planner {
    /// The CPU and memory the planned cluster's workloads request, before and after the
    /// permitted changes of `findings`, each container counted once per replica.
    static func savings(_ inventory: Inventory, cluster: String, findings: [PlannedFinding]) -> Savings {
        var after: [String: Double] = [:]
        for planned in findings {
            for change in planned.changes
            where change.decision.permitsEdit && change.field.section == "requests" {
                after[key(planned.finding.workload, planned.finding.container, change.field)] =
                    change.to.flatMap { Quantity($0)?.value } ?? 0
            }
        }
        var totals = Savings(cpuBefore: 0, cpuAfter: 0, memoryBefore: 0, memoryAfter: 0, containers: 0)
        var counted: Set<WorkloadReference> = []
        for target in inventory.targets where target.cluster == nil || target.cluster == cluster {
            for workload in target.workloads {
                let reference = workload.reference(cluster: cluster)
                guard counted.insert(reference).inserted else { continue }
                let replicas = Double(replicas(of: workload))
                for container in workload.containers {
                    totals.containers += 1
                    for field in [ResourceField.requestsCPU, .requestsMemory] {
                        let before = container.resources[field]?.value ?? 0
                        let changed = after[key(reference, container.name, field)] ?? before
                        if field == .requestsCPU {
                            totals.cpuBefore += before * replicas
                            totals.cpuAfter += changed * replicas
                        } else {
                            totals.memoryBefore += before * replicas
                            totals.memoryAfter += changed * replicas
                        }
                    }
                }
            }
        }
        return totals
    }

    /// `spec.replicas` of the kinds that have it, 1 when unset; 1 for DaemonSets, Jobs, CronJobs.
    static func replicas(of workload: Workload) -> Int {
        guard ["Deployment", "StatefulSet", "ReplicaSet", "Rollout"].contains(workload.kind) else { return 1 }
        return max(0, workload.replicas ?? 1)
    }

    private static func key(_ workload: WorkloadReference, _ container: String, _ field: ResourceField)
        -> String
    {
        "\(workload.namespace)/\(workload.kind)/\(workload.name)/\(container)/\(field.rawValue)"
    }
}
