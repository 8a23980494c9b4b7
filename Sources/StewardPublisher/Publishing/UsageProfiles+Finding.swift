import Analysis
import Profiles

extension UsageProfiles {
    /// The profile of the container `finding` is about, when the profiles have one.
    func profile(of finding: Finding) -> UsageProfile? {
        profiles.first {
            $0.cluster == finding.workload.cluster && $0.namespace == finding.workload.namespace
                && $0.workload.kind == finding.workload.kind && $0.workload.name == finding.workload.name
                && $0.container == finding.container
        }
    }
}
