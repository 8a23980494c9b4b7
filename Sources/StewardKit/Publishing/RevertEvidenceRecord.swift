import Foundation
import Kubernetes

/// The evidence behind a revert commit, stored as its note on `refs/notes/steward` like a
/// right-sizing commit's: the finding, the commit blamed and why, the numbers the analysis gave,
/// and the policy's decision. `Steward-Evidence` is the SHA-256 of these exact bytes.
struct RevertEvidenceRecord: Encodable {
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

    /// The note's text: JSON with sorted keys, two-space indentation and a final newline.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain value types with string keys always encode.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
