import Analysis
import Foundation
import Kubernetes
import Profiles
import StewardPlanner
import StewardReports

/// The evidence behind one bot commit, stored as its note on `refs/notes/steward`: the finding,
/// the observation window, the usage profile the numbers came from (without its memory series),
/// where the profiles came from
/// (Prometheus and its queries), the analysis's numbers and rule, and each change with the policy's
/// decision. The commit's `Steward-Evidence` trailer is the SHA-256 of these exact bytes, so an
/// auditor can fetch the note, check the hash and recompute the proposal.
package struct EvidenceRecord: JSONDocument {
    struct Change: Encodable {
        var file: String
        var document: Int
        var path: String
        var field: String
        var from: String?
        /// Nil (absent) when the change removes the field.
        var proposed: String?
        var written: String?
        var decision: String
        var rule: String?
        var bound: String?
    }

    struct PolicyReference: Encodable {
        var path: String
        var blob: String
    }

    var apiVersion = "steward.dev/v1"
    var kind = "Evidence"
    var finding: String
    var workload: WorkloadReference
    var container: String
    var window: Window
    var evidence: Evidence
    var profile: UsageProfile?
    var source: ProfileSource?
    var policy: PolicyReference
    var changes: [Change]

    package init(
        _ planned: PlannedFinding, window: Window, profile: UsageProfile?, source: ProfileSource?,
        policyPath: String, policyBlob: String
    ) {
        finding = planned.finding.id
        workload = planned.finding.workload
        container = planned.finding.container
        self.window = window
        evidence = planned.finding.evidence
        // The series draws the pull request's chart; the proposal comes from the percentiles and
        // peaks, and a week of hourly points would make every note hundreds of lines long.
        self.profile = profile.map { profile in
            var profile = profile
            profile.memorySeries = nil
            return profile
        }
        self.source = source
        policy = PolicyReference(path: policyPath, blob: policyBlob)
        changes = planned.changes.filter(\.decision.permitsEdit).map { change in
            Change(
                file: change.file, document: change.document, path: change.path.description,
                field: change.field.rawValue, from: change.from, proposed: change.proposed,
                written: change.to,
                decision: change.decision.outcome.rawValue, rule: change.decision.rule,
                bound: change.decision.bound)
        }
    }
}
