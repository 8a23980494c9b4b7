import Analysis
import Kubernetes
import Policy

/// A finding id read back from a trailer: `<kind>/<cluster>/<namespace>/<Kind>/<name>/<container>`.
struct FindingReference: Hashable {
    var kind: FindingKind
    var workload: WorkloadReference
    var container: String

    init?(_ id: String) {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts.allSatisfy({ !$0.isEmpty }), let kind = FindingKind(rawValue: parts[0])
        else {
            return nil
        }
        self.kind = kind
        workload = WorkloadReference(cluster: parts[1], namespace: parts[2], kind: parts[3], name: parts[4])
        container = parts[5]
    }

    var action: PolicyAction { PolicyAction(kind) }
}
