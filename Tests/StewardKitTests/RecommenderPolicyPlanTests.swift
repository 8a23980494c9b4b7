import Analysis
import Foundation
import Kubernetes
import Policy
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// The policy's `spec.recommender` and a rule's `recommender` block reach the planner: other
/// percentiles, margins and CPU limit rules give other values and other bytes, for the
/// workloads they select only, and the evidence says which settings applied.
@Suite struct RecommenderPolicyPlanTests {
    static let fields = PlanAnalysisTests.allFields.map {
        $0.hasSuffix("limits.cpu") ? $0 + "\n          allowRemove: true" : $0
    }

    /// `PlanAnalysisTests.manifest` as `name` in `namespace`.
    static func manifest(name: String, namespace: String) -> String {
        PlanAnalysisTests.manifest.replacingOccurrences(of: "name: api", with: "name: \(name)")
            .replacingOccurrences(of: "namespace: shop", with: "namespace: \(namespace)")
    }

    /// A week of 250 MiB and CPU p95 0.156, p99 0.2, max 0.3 cores for `workloads`.
    static func profiles(_ workloads: [(name: String, namespace: String)]) -> String {
        let entries = workloads.map { workload in
            """
              {"cluster": "prod", "namespace": "\(workload.namespace)",
               "workload": {"kind": "Deployment", "name": "\(workload.name)"}, "container": "app",
               "cpu": {"p50": 0.1, "p90": 0.14, "p95": 0.156, "p99": 0.2, "max": 0.3, "samples": 2016},
               "memory": {"p50": 262144000, "p95": 262144000, "max": 262144000, "samples": 2016}}
            """
        }
        return """
            {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles",
             "window": {"start": 1795132800, "end": 1795737600},
             "profiles": [
            \(entries.joined(separator: ",\n"))
             ]}
            """
    }

    static func plan(_ fixture: PlanFixture) async throws -> Plan {
        try await Planner().plan(PlanRequest(repository: fixture.repo.path, profiles: fixture.profiles.path))
    }

    @Test func p99AndARemovedCPULimitGiveOtherValuesAndBytes() async throws {
        let fixture = try PlanFixture(
            manifest: Self.manifest(name: "api", namespace: "shop"),
            profiles: Self.profiles([("api", "shop")]),
            policy: PlanAnalysisTests.policy(actions: "rightsize", fields: Self.fields))
        // The defaults: p95 0.156 × 1.15 = 0.1794 → 180m, the CPU limit kept.
        let defaults = try await Self.plan(fixture)
        #expect(
            defaults.changes.map(\.field.rawValue) == ["requests.cpu", "requests.memory", "limits.memory"])
        #expect(defaults.changes.map(\.to) == ["180m", "288Mi", "288Mi"])
        #expect(defaults.findings.map(\.finding.evidence.settings) == [nil])

        try fixture.directory.write(
            "repo/policies/steward.yaml",
            PlanAnalysisTests.policy(
                actions: "rightsize", fields: Self.fields,
                recommender: "    cpuPercentile: p99\n    cpuLimit: remove\n"))
        // p99 0.2 × 1.15 = 0.23 → 230m, and the CPU limit goes.
        let plan = try await Self.plan(fixture)
        #expect(
            plan.changes.map(\.field.rawValue) == [
                "requests.cpu", "limits.cpu", "requests.memory", "limits.memory",
            ])
        #expect(plan.changes.map(\.to) == ["230m", nil, "288Mi", "288Mi"])
        #expect(plan.permittedChanges.count == 4)
        let finding = try #require(plan.findings.first)
        #expect(finding.finding.evidence.cpuPercentile == "p99")
        #expect(
            finding.finding.evidence.settings == [
                "cpuPercentile: p99 (spec.recommender)", "cpuLimit: remove (spec.recommender)",
            ])
        let edit = try #require(plan.fileEdits.first)
        #expect(plan.fileEdits.count == 1)
        #expect(
            String(decoding: edit.after, as: UTF8.self) == """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: app
                          image: example/api:1.0
                          resources:
                            requests:
                              cpu: 230m
                              memory: 288Mi
                            limits:
                              memory: 288Mi

                """)
        let json = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json",
        ])
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let evidence = try #require(
            (document["findings"] as? [[String: Any]])?.first?["evidence"] as? [String: Any])
        #expect(
            evidence["settings"] as? [String] == [
                "cpuPercentile: p99 (spec.recommender)", "cpuLimit: remove (spec.recommender)",
            ])
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        #expect(
            output.text.contains(
                "    cpu request     500m -> 230m     (p99 0.2 cores)  allowed (rule shop)\n"))
    }

    @Test func aRuleBlockSizesOnlyTheWorkloadsItSelects() async throws {
        let fields = Self.fields.map { "        - \($0)" }.joined(separator: "\n")
        let policy = """
            apiVersion: steward.dev/v1
            kind: Policy
            metadata: {name: batch}
            spec:
              rules:
                - name: batch
                  match: {namespaces: [batch]}
                  actions: [rightsize]
                  recommender:
                    cpuPercentile: max
                    memoryMarginPercent: 50
                  fields:
            \(fields)
                - name: shop
                  match: {namespaces: [shop]}
                  actions: [rightsize]
                  fields:
            \(fields)

            """
        let fixture = try PlanFixture(
            manifest: Self.manifest(name: "api", namespace: "shop"),
            profiles: Self.profiles([("api", "shop"), ("report", "batch")]), policy: policy)
        try fixture.directory.write(
            "repo/apps/report.yaml", Self.manifest(name: "report", namespace: "batch"))
        let plan = try await Self.plan(fixture)
        let byWorkload = Dictionary(
            uniqueKeysWithValues: plan.findings.map { ($0.finding.workload.name, $0) })
        // batch: max 0.3 × 1.15 = 0.345 → 345m, 250 MiB × 1.5 = 375Mi; shop keeps the defaults.
        #expect(byWorkload["report"]?.changes.map(\.to) == ["345m", "375Mi", "375Mi"])
        #expect(byWorkload["api"]?.changes.map(\.to) == ["180m", "288Mi", "288Mi"])
        #expect(
            byWorkload["report"]?.finding.evidence.settings == [
                "cpuPercentile: max (rule batch)", "memoryMarginPercent: 50 (rule batch)",
            ])
        #expect(byWorkload["api"].map { $0.finding.evidence.settings == nil } == true)
        #expect(plan.permittedChanges.count == 6)
    }

    @Test func policyCheckReportsABadKnobWithItsCaret() throws {
        let fixture = try PlanFixture(
            policy: """
                apiVersion: steward.dev/v1
                kind: Policy
                metadata: {name: bad}
                spec:
                  recommender:
                    cpuPercentile: 99
                    hysteresis: {percent: -10}
                  rules: []

                """)
        let output = try fixture.steward(["policy", "check", "repo/policies/steward.yaml"])
        #expect(output.status == 1)
        #expect(
            output.text == """
                repo/policies/steward.yaml:6:20: spec.recommender.cpuPercentile: "99" is not a percentile Steward sizes CPU from (p50, p90, p95, p99, max); did you mean "p99"?
                    cpuPercentile: 99
                                   ^
                repo/policies/steward.yaml:7:27: spec.recommender.hysteresis.percent: -10 is out of range: expected between 0 and 100
                    hysteresis: {percent: -10}
                                          ^

                """)
        #expect(output.stderr == "steward: error: 1 file has 2 errors\n")
    }

    /// The default policy documents every knob at its default, commented out: uncommented, it
    /// sets every knob and changes nothing.
    @Test func theDefaultPolicysCommentedBlockIsEveryKnobAtItsDefault() throws {
        let lines = DefaultPolicy.text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  # recommender:"))
        let block = lines[start...].prefix { $0.hasPrefix("  # ") }.map { "  " + $0.dropFirst(4) }
        let text =
            "apiVersion: steward.dev/v1\nkind: Policy\nmetadata: {name: d}\nspec:\n"
            + block.joined(separator: "\n") + "\n"
        let policy = try Policy(bytes: Array(text.utf8), path: "defaults.yaml")
        #expect(Set(policy.recommender.keys) == Set(RecommenderKnob.allCases))
        let subject = PolicySubject(
            workload: .init(cluster: "c", namespace: "n", kind: "Deployment", name: "w"))
        #expect(
            RecommenderSettings().applying(policy.recommenderOverrides(for: subject)) == RecommenderSettings()
        )
    }
}
