import Analysis
import Kubernetes
import Profiles
import Testing

/// Failing probes of a host whose Ingress routes to no workload (its Service is missing, or
/// selects nothing): reported on the Ingress as `probe-failure`, with the commits that could
/// explain them as candidates, and never reverted.
@Suite struct UnroutedIngressScenarioTests {
    static let hour = Scenario.hour
    static let start = Scenario.windowStart
    static let commitTime = RegressionScenarioTests.commitTime

    static let ingress = WorkloadReference(cluster: "prod", namespace: "shop", kind: "Ingress", name: "web")

    static func unrouted(_ backends: [UnroutedIngress.Backend]) -> UnroutedIngress {
        UnroutedIngress(
            name: "web", namespace: "shop", file: "apps/shop/ingress.yaml", document: 0,
            hosts: ["shop.example.com"], tlsFiles: ["apps/shop/ingress.yaml"], backends: backends)
    }

    /// The Ingress with the failing probe of the regression scenarios (a new certificate 10
    /// minutes after a commit to its TLS Secret) and the given commits.
    static func subject(
        commits: [ManifestCommit], backends: [UnroutedIngress.Backend], probe: ProbeProfile? = nil
    ) -> WorkloadSubject {
        var subject = WorkloadSubject(
            workload: ingress, containers: [], profiles: [:], commits: commits,
            probes: [probe ?? RegressionScenarioTests.failingProbe().probes[0]])
        subject.unroutedIngress = unrouted(backends)
        return subject
    }

    static func analyze(_ subject: WorkloadSubject) -> WorkloadAnalysis {
        Analyzer().analyze(
            subject,
            context: AnalysisContext(
                window: Window(start: Scenario.windowStart, end: Scenario.windowEnd), now: Scenario.windowEnd)
        )
    }

    @Test func aTLSCommitBeforeTheNewCertificateIsACandidateAndNotReverted() throws {
        let tlsCommit = try #require(RegressionScenarioTests.failingProbe().commits.first)
        let analysis = Self.analyze(
            Self.subject(
                commits: [tlsCommit], backends: [UnroutedIngress.Backend(service: "web", declared: false)]))

        #expect(analysis.findings.map(\.id) == ["probe-failure/prod/shop/Ingress/web/-"])
        #expect(analysis.containers.isEmpty)
        let finding = try #require(analysis.findings.first)
        #expect(finding.kind == .probeFailure)
        #expect(finding.container == Finding.noContainer)
        #expect(finding.revert == nil)
        #expect(finding.proposals.isEmpty)
        #expect(finding.priority == .high)
        #expect(
            finding.summary
                == "failing probes of https://shop.example.com/healthz began after certificate 41aa07cc93e5 first "
                + "served at 2026-09-25T12:10:00Z; Ingress shop/web routes to Service web, which the repository "
                + "does not declare; candidates: commit 9e8d7c6 \"Switch shop to the staging issuer\"")
        let regression = try #require(finding.evidence.regression)
        #expect(regression.candidates == [tlsCommit])
        #expect(regression.anomalies.map(\.signal) == [.probeFailure, .certificateExpiry])
        #expect(regression.rollout == "certificate 41aa07cc93e5 first served at 2026-09-25T12:10:00Z")
        #expect(finding.evidence.rule.hasSuffix("none is reverted"))
    }

    @Test func aCommitToTheIngressBeforeItsProbesFailIsACandidate() throws {
        var probe = RegressionScenarioTests.failingProbe().probes[0]
        probe.certificates = nil
        probe.certificateExpirySeries = nil
        // Ten minutes before the probes' first failing hour: the backend renamed, say.
        let rename = ManifestCommit(
            id: "5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a49382", time: Self.commitTime - 600,
            author: "Kim <kim@example.com>", summary: "Route shop to web-v2",
            paths: ["apps/shop/ingress.yaml"],
            scope: .workload)
        let analysis = Self.analyze(
            Self.subject(
                commits: [rename], backends: [UnroutedIngress.Backend(service: "web-v2", declared: true)],
                probe: probe))

        let finding = try #require(analysis.findings.first)
        #expect(analysis.findings.map(\.id) == ["probe-failure/prod/shop/Ingress/web/-"])
        #expect(finding.revert == nil)
        #expect(finding.evidence.regression?.candidates == [rename])
        #expect(
            finding.summary
                == "failing probes of https://shop.example.com/healthz began after commit 5b4a392 to the Ingress at "
                + "2026-09-25T11:50:00Z; Ingress shop/web routes to Service web-v2, which selects no workload of "
                + "the repository; candidates: commit 5b4a392 \"Route shop to web-v2\"")

        // Two hours before, the commit is synced and served long before the probes fail.
        var early = rename
        early.time = Self.commitTime - 2 * Self.hour
        let unexplained = try #require(
            Self.analyze(
                Self.subject(
                    commits: [early], backends: [UnroutedIngress.Backend(service: "web-v2", declared: true)],
                    probe: probe)
            ).findings.first)
        #expect(unexplained.evidence.regression?.candidates == [])
        #expect(
            unexplained.summary
                == "failing probes of https://shop.example.com/healthz began without a rollout or certificate change "
                + "before it; Ingress shop/web routes to Service web-v2, which selects no workload of the "
                + "repository; no commit to the Ingress or its TLS resources explains it")
    }

    @Test func everyBackendIsNamedWithWhyItLeadsNowhere() throws {
        let analysis = Self.analyze(
            Self.subject(
                commits: [],
                backends: [
                    UnroutedIngress.Backend(service: "web", declared: false),
                    UnroutedIngress.Backend(service: "web-canary", declared: true),
                ]))
        #expect(
            analysis.findings.map(\.summary) == [
                "failing probes of https://shop.example.com/healthz began after certificate 41aa07cc93e5 first "
                    + "served at 2026-09-25T12:10:00Z; Ingress shop/web routes to Service web, which the "
                    + "repository does not declare, and Service web-canary, which selects no workload of the "
                    + "repository; no commit to the Ingress or its TLS resources explains it"
            ])
        #expect(
            Self.analyze(Self.subject(commits: [], backends: [])).findings.first?.summary.contains(
                "; Ingress shop/web routes to no Service; ") == true)
    }

    @Test func aProbeThatKeepsSucceedingGivesNoFinding() throws {
        var probe = RegressionScenarioTests.failingProbe().probes[0]
        probe.successSeries = Series(
            step: "1h", values: (1...168).map { [Self.start + Double($0) * Self.hour, 1] })
        probe.certificates = nil
        probe.certificateExpirySeries = nil
        let analysis = Self.analyze(
            Self.subject(
                commits: [], backends: [UnroutedIngress.Backend(service: "web", declared: false)],
                probe: probe))
        #expect(analysis.findings.isEmpty)
    }
}
