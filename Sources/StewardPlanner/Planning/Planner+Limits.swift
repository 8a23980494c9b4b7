import Analysis
import Kubernetes
import Policy

extension Planner {
    /// Keeps every container's requests at or below its limits after the policy has decided: a
    /// manifest with a request above its limit is refused by the API server, and a policy may
    /// allow a request's change and reject (or clamp) its limit's. Such a permitted change, the
    /// request that rises above the limit or the limit that falls below the request, is rejected
    /// with the reason.
    static func keepRequestsWithinLimits(_ findings: [PlannedFinding], proposals: PlanProposals)
        -> [PlannedFinding]
    {
        var findings = findings
        var byContainer: [String: [Int]] = [:]
        for (index, planned) in findings.enumerated() {
            let key = "\(planned.target)/\(planned.finding.workload)/\(planned.finding.container)"
            byContainer[key, default: []].append(index)
        }
        for indexes in byContainer.values {
            // A finding about no container (an Ingress that routes to no workload) has no requests.
            guard let container = proposals.analyzed[findings[indexes[0]].finding.id]?.declared?.container
            else { continue }
            for resource in ["cpu", "memory"] {
                let request = resource == "cpu" ? ResourceField.requestsCPU : .requestsMemory
                let limit = resource == "cpu" ? ResourceField.limitsCPU : .limitsMemory
                let requested = value(
                    of: request, in: findings, indexes, current: container.resources)
                let limited = value(of: limit, in: findings, indexes, current: container.resources)
                guard let requestValue = requested.value, let limitValue = limited.value,
                    requestValue > limitValue
                else { continue }
                // Refuse the change that moved its side across the other.
                if let (index, position) = requested.change {
                    let change = findings[index].changes[position]
                    findings[index].changes[position] = change.deciding(
                        .rejected(
                            "\(requestValue.text) would be above the limit \(limitValue.text), which the plan does not "
                                + "raise", rule: change.decision.rule))
                } else if let (index, position) = limited.change {
                    let change = findings[index].changes[position]
                    findings[index].changes[position] = change.deciding(
                        .rejected(
                            "\(limitValue.text) would be below the request \(requestValue.text), which the plan does "
                                + "not lower", rule: change.decision.rule))
                }
            }
        }
        return findings
    }

    /// The value of `field` after the permitted changes, and which change sets it.
    private static func value(
        of field: ResourceField, in findings: [PlannedFinding], _ indexes: [Int],
        current: ResourceRequirements
    ) -> (value: Quantity?, change: (Int, Int)?) {
        for index in indexes {
            for (position, change) in findings[index].changes.enumerated()
            where change.field == field && change.decision.permitsEdit {
                return (change.to.flatMap { Quantity($0) }, (index, position))
            }
        }
        return (current[field], nil)
    }
}
