import Analysis
import Kubernetes
import Policy
import Profiles

extension Planner {
    /// The probes of no workload's hosts are not dropped. Those whose host an Ingress serves that
    /// routes to no workload (its Service is missing, or selects no workload) are analyzed with
    /// that Ingress as the subject: its probes, and the commits to it (scope `workload`) and its
    /// TLS resources (scope `tls`), so that the regression detector reports their failure with the
    /// candidate commits. An Ingress of the same namespace and name as one before it (another
    /// target's copy) is not analyzed twice, as a workload is not. A failing probe that no Ingress
    /// analyzed here serves becomes a note.
    func analyzeUnattached(
        _ probes: [ProbeProfile], unrouted: [(target: DeploymentTarget, ingress: UnroutedIngress)],
        cluster: String, policy: Policy?, history: ManifestHistory, context: AnalysisContext
    ) -> (findings: [AnalyzedFinding], notes: [String]) {
        var findings: [AnalyzedFinding] = []
        var served = Array(repeating: false, count: probes.count)
        var analyzed: Set<WorkloadReference> = []
        for (target, ingress) in unrouted {
            let reference = WorkloadReference(
                cluster: cluster, namespace: ingress.namespace, kind: "Ingress", name: ingress.name)
            let mine = probes.indices.filter { RelatedObjects.host(probes[$0].host, matches: ingress.hosts) }
            guard !mine.isEmpty, analyzed.insert(reference).inserted else { continue }
            for index in mine { served[index] = true }
            var subject = WorkloadSubject(
                workload: reference, containers: [], profiles: [:],
                commits: history.commits(workloadFiles: [ingress.file], tlsFiles: ingress.tlsFiles),
                probes: mine.map { probes[$0] })
            subject.unroutedIngress = ingress
            // The rules of the Ingress's namespace set the detector's knobs for it as for its workloads.
            let overrides = policy?.recommenderOverrides(for: PolicySubject(workload: subject.workload)) ?? []
            let result = Analyzer(settings: settings.applying(overrides)).analyze(subject, context: context)
            for var finding in result.findings {
                if !overrides.isEmpty { finding.evidence.settings = overrides.map(\.description) }
                findings.append(AnalyzedFinding(finding: finding, target: target, declared: nil))
            }
        }
        let analyzer = Analyzer(settings: settings)
        let notes = probes.indices.filter { !served[$0] }.compactMap { index -> String? in
            let probe = probes[index]
            guard let failure = analyzer.probeFailure(probe) else { return nil }
            return
                "probes of \(probe.target) began failing by \(Text.time(failure.onset)), but no Ingress the "
                + "repository deploys to \(cluster) serves \(probe.host ?? "its host")"
        }
        return (findings, notes)
    }
}
