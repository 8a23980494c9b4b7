import Analysis
import Foundation
import Profiles

extension Planner {
    /// The revert each `regression-after-change` finding proposes, as the publisher takes it:
    /// the commit, the policy's decision, why in words, and the numbers before and after.
    static func reverts(_ findings: [PlannedFinding]) -> [RevertProposal] {
        findings.compactMap { planned in
            guard let revert = planned.revert, let regression = planned.finding.evidence.regression else {
                return nil
            }
            var reason = regression.anomalies.map(\.description).joined(separator: "; ") + "."
            let deployment = revert.commit.deployment
            if let rollout = regression.rollout, let time = regression.rolloutTime {
                if let deployment {
                    reason +=
                        " It followed \(rollout), which Argo CD Application \(deployment.application) rolled out "
                        + "with this commit (history \(deployment.historyID), deployed at "
                        + "\(Text.time(deployment.deployedAt)))."
                } else {
                    let minutes = Int(((time - revert.commit.time) / 60).rounded())
                    reason += " It followed \(rollout), \(minutes) min after this commit."
                }
            }
            var evidence: [String: String] = ["committed": Text.time(revert.commit.time)]
            if let deployment {
                evidence["deployed"] =
                    "\(Text.time(deployment.deployedAt)) by Argo CD Application \(deployment.application), history "
                    + "\(deployment.historyID) (\(deployment.revision.prefix(7)))"
            }
            if let dating = regression.dating { evidence["dated by"] = dating }
            for anomaly in regression.anomalies {
                let name = "\(anomaly.source) \(anomaly.signal.rawValue)"
                // A certificate's numbers are its expiry times; the others are counts or shares.
                let value = anomaly.signal == .certificateExpiry ? Text.time : { Text.number($0) }
                evidence["\(name) before"] = value(anomaly.before)
                evidence["\(name) after"] = value(anomaly.after)
                evidence["\(name) onset"] = Text.time(anomaly.onset)
            }
            if let rollout = regression.rollout {
                evidence["trigger"] = rollout
            }
            return RevertProposal(
                workload: planned.finding.workload, container: planned.finding.container,
                commit: revert.commit.id, reason: reason, evidence: evidence, decision: revert.decision,
                finding: planned.finding.id)
        }
    }
}
