import Analysis
import Kubernetes
import Policy

/// A finding id read back from a trailer: `<kind>/<cluster>/<namespace>/<Kind>/<name>/<container>`,
/// with `#<incident>` after the container for one incident of several.
struct FindingReference: Hashable {
    var kind: FindingKind
    var workload: WorkloadReference
    var container: String
    /// The trigger of the incident (`rollout-web-7d9f8c6b5`), when the id names one.
    var incident: String?
    /// The policy action of the kind: a kind that only reports never makes a bot commit.
    var action: PolicyAction

    init?(_ id: String) {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts.allSatisfy({ !$0.isEmpty }), let kind = FindingKind(rawValue: parts[0]),
            let action = PolicyAction(kind)
        else {
            return nil
        }
        self.kind = kind
        self.action = action
        workload = WorkloadReference(cluster: parts[1], namespace: parts[2], kind: parts[3], name: parts[4])
        let last = parts[5].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard !last[0].isEmpty, last.count == 1 || !last[1].isEmpty else { return nil }
        container = String(last[0])
        incident = last.count == 2 ? String(last[1]) : nil
    }
}
