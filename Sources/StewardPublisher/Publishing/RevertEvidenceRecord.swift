import Foundation
import Kubernetes
import StewardPlanner
import StewardReports

/// The evidence behind a revert commit, stored as its note on `refs/notes/steward` like a
/// right-sizing commit's: the finding, the commit blamed and why, the numbers the analysis gave,
/// and the policy's decision. `Steward-Evidence` is the SHA-256 of these exact bytes.
struct RevertEvidenceRecord: JSONDocument {
    struct Reverted: Encodable {
        var commit: String
        var subject: String
        var author: String
        var date: String
    }

    var apiVersion = "steward.dev/v1"
    var kind = "RevertEvidence"
    var finding: String
    var workload: WorkloadReference
    var container: String
    var reverted: Reverted
    var reason: String
    var evidence: [String: String]
    var decision: String
    var rule: String?
    var policy: EvidenceRecord.PolicyReference
    /// The rollback in Argo CD made (or refused) for the same finding before this revert.
    var rollback: RollbackOutcome?
}
