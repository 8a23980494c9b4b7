import Kubernetes
import YAMLSyntax

extension Planner {
    /// The CPU and memory the planned cluster's workloads request, before and after the permitted
    /// changes, each container counted once per replica.
    static func savings(_ inventory: RepositoryInventory, cluster: String, permitted: [PlannedChange])
        -> Savings
    {
        var after: [String: Quantity?] = [:]
        for change in permitted where change.field.section == "requests" {
            after[Self.key(change.file, change.document, change.path)] = change.to.flatMap { Quantity($0) }
        }
        var totals = Savings(cpuBefore: 0, cpuAfter: 0, memoryBefore: 0, memoryAfter: 0, containers: 0)
        for workload in inventory.workloads {
            let replicas = Double(Self.replicas(of: workload, in: inventory))
            for container in workload.containers {
                totals.containers += 1
                for field in [ResourceField.requestsCPU, .requestsMemory] {
                    let before = container.resources[field]?.value ?? 0
                    let key = Self.key(workload.file, workload.document, container.path(of: field))
                    let changed = after[key].map { $0?.value ?? 0 } ?? before
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
        return totals
    }

    /// `spec.replicas` of the workloads that have it, when written as a whole number; else 1.
    static func replicas(of workload: Workload, in inventory: RepositoryInventory) -> Int {
        guard ["Deployment", "StatefulSet", "ReplicaSet", "Rollout"].contains(workload.kind),
            let document = inventory.files[workload.file]?.documents.first(where: {
                $0.index == workload.document
            }),
            let text = document.node(at: YAMLPath([.key("spec"), .key("replicas")]))?.scalar,
            let replicas = Int(text), replicas >= 0
        else { return 1 }
        return replicas
    }

    private static func key(_ file: String, _ document: Int, _ path: YAMLPath) -> String {
        "\(file)#\(document)#\(path)"
    }
}
