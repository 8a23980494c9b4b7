import Analysis
import Foundation
import StewardKit
import StewardPlanner
import StewardReports
import TestSupport
import Testing

/// `steward plan` with the analysis' other kinds: a leak reported without a change, a throttled
/// CPU limit raised or removed, requests kept within limits whatever the policy allows, and the
/// savings summary.
@Suite struct PlanAnalysisTests {
    static let manifest = """
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
                      cpu: 500m
                      memory: 1Gi
                    limits:
                      cpu: 500m
                      memory: 2Gi

        """

    /// - Parameter recommender: lines of `spec.recommender`, indented by four spaces.
    static func policy(actions: String, fields: [String], recommender: String = "") -> String {
        """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: analysis}
        spec:
        \(recommender.isEmpty ? "" : "  recommender:\n\(recommender)")
          rules:
            - name: shop
              match: {namespaces: [shop]}
              actions: [\(actions)]
              fields:
        \(fields.map { "        - \($0)" }.joined(separator: "\n"))

        """
    }

    static let allFields = [
        "path: spec.template.spec.containers[*].resources.requests.cpu",
        "path: spec.template.spec.containers[*].resources.requests.memory",
        "path: spec.template.spec.containers[*].resources.limits.memory",
        "path: spec.template.spec.containers[*].resources.limits.cpu",
    ]

    /// A week of hourly peaks, `memory(hour)` bytes, and the other numbers of the app's profile.
    static func profiles(
        cpu: String = #""p50": 0.1, "p90": 0.14, "p95": 0.156, "p99": 0.2, "max": 0.3"#,
        memory: (Int) -> Double, extra: String = ""
    ) -> String {
        let series = (1...168).map { "[\(1_795_132_800 + $0 * 3600), \(memory($0))]" }
        let peak = (1...168).map(memory).max()!
        return """
            {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles",
             "window": {"start": 1795132800, "end": 1795737600},
             "profiles": [
              {"cluster": "prod", "namespace": "shop", "workload": {"kind": "Deployment", "name": "api"},
               "container": "app", "cpu": {\(cpu), "samples": 2016},
               "memory": {"p50": \(peak / 2), "p95": \(peak), "max": \(peak), "samples": 2016},
               "memorySeries": {"step": "1h", "values": [\(series.joined(separator: ", "))]}\(extra)}
             ]}
            """
    }

    @Test func aLeakIsReportedWithoutAChangeAndTheRestIsSized() throws {
        // 400 MiB + 8 MiB an hour under a 2Gi limit: it reaches the limit 38 h after the window.
        let fixture = try PlanFixture(
            manifest: Self.manifest,
            profiles: Self.profiles(memory: { Double((400 + 8 * $0) * 1_048_576) }),
            policy: Self.policy(actions: "rightsize", fields: Self.allFields))
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        #expect(
            output.text.components(separatedBy: "\ndiff --git").first == """
                Plan for repo (cluster prod, window 7 days)

                shop/Deployment/api  (apps/api.yaml)
                  container app
                    memory-leak (medium): leak suspected: the working set grows 8 MiB/h (R² 1 over 7 days) and \
                reaches the limits.memory 2Gi in 38 h; memory is not sized up for it
                    rightsize (low): requests.cpu 500m → 180m
                    cpu request  500m -> 180m  (p95 0.156 cores)  allowed (rule shop)
                    memory held: a leak is suspected (memory-leak finding), and sizing memory for a leak only \
                postpones its OOM kill; only a limit below the peak is raised

                Policy policies/steward.yaml (analysis): 1 allowed, 0 clamped, 0 rejected
                1 change in 1 file, 0 containers already right-sized, 0 skipped
                Requests (× replicas): CPU 1.5 -> 0.54 cores (-0.96, -64 %), memory 3 GiB -> 3 GiB (unchanged)

                """)
        let json = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json",
        ])
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        #expect(findings.map { $0["kind"] as? String } == ["memory-leak", "rightsize"])
        #expect((findings[0]["changes"] as? [Any])?.isEmpty == true)
        #expect(findings[0]["revert"] is NSNull)
        #expect(findings[0]["priority"] as? String == "medium")
        let confidence = try #require(findings[0]["confidence"] as? [String: Any])
        #expect(confidence["level"] as? String == "high")
        #expect(confidence["score"] as? Double == 1)
        let leak = try #require((findings[0]["evidence"] as? [String: Any])?["leak"] as? [String: Any])
        #expect(leak["slopeBytesPerHour"] as? Double == 8_388_608)
        #expect(leak["secondsToLimit"] as? Double == 136_800)
        // Three replicas: 3 × 500m → 3 × 180m.
        let savings = try #require(plan["savings"] as? [String: Any])
        #expect(savings["containers"] as? Int == 1)
        #expect(savings["cpu"] as? [String: Double] == ["before": 1.5, "after": 0.54, "change": -0.96])
        #expect(
            savings["memory"] as? [String: Double]
                == ["before": 3_221_225_472, "after": 3_221_225_472, "change": 0])
        #expect(plan["notes"] as? [String] == [])
        #expect((plan["summary"] as? [String: Int])?["findings"] == 2)
    }

    /// Spikes to the 500m limit, throttled in 38 % of CFS periods.
    static let throttled = profiles(
        cpu: #""p50": 0.15, "p90": 0.17, "p95": 0.18, "p99": 0.5, "max": 0.5"#,
        memory: { _ in 250 * 1_048_576 }, extra: #", "throttlingRatio": 0.38"#)

    @Test func aThrottledCPULimitIsRaised() throws {
        let fixture = try PlanFixture(
            manifest: Self.manifest, profiles: Self.throttled,
            policy: Self.policy(actions: "rightsize, cpu-limit", fields: Self.allFields))
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        // max(0.5 × 1.5, 0.5 + 0.1, 0.18 × 1.15, 0.5) = 0.75 cores; the request follows the p95
        // (0.207 → 210m) and memory the peak (250 × 1.15 = 287.5 → 288Mi).
        #expect(
            output.text == """
                Plan for repo (cluster prod, window 7 days)

                shop/Deployment/api  (apps/api.yaml)
                  container app
                    cpu-throttling (medium): throttled in 38 % of CFS periods with usage up to 0.5 cores at the 500m \
                limit: limits.cpu 500m → 750m
                    cpu limit       500m -> 750m   (throttled 38 %)  allowed (rule shop)
                    rightsize (low): requests.cpu 500m → 210m, requests.memory 1Gi → 288Mi, limits.memory 2Gi → 288Mi
                    cpu request     500m -> 210m   (p95 0.18 cores)  allowed (rule shop)
                    memory request  1Gi  -> 288Mi  (max 250 MiB)     allowed (rule shop)
                    memory limit    2Gi  -> 288Mi  (max 250 MiB)     allowed (rule shop)

                Policy policies/steward.yaml (analysis): 4 allowed, 0 clamped, 0 rejected
                4 changes in 1 file, 0 containers already right-sized, 0 skipped
                Requests (× replicas): CPU 1.5 -> 0.63 cores (-0.87, -58 %), memory 3 GiB -> 864 MiB (-2.156 GiB, -71.9 %)

                diff --git a/apps/api.yaml b/apps/api.yaml
                index 95f7bdc..d8e82a4 100644
                --- a/apps/api.yaml
                +++ b/apps/api.yaml
                @@ -12,8 +12,8 @@ spec:
                           image: example/api:1.0
                           resources:
                             requests:
                -              cpu: 500m
                -              memory: 1Gi
                +              cpu: 210m
                +              memory: 288Mi
                             limits:
                -              cpu: 500m
                -              memory: 2Gi
                +              cpu: 750m
                +              memory: 288Mi

                """)
    }

    @Test func aThrottledCPULimitIsRemovedWhenThePolicysRecommenderSaysSo() async throws {
        var fields = Self.allFields
        fields[3] += "\n          allowRemove: true"
        let recommender = "    throttling: {response: remove}\n"
        let fixture = try PlanFixture(
            manifest: Self.manifest, profiles: Self.throttled,
            policy: Self.policy(actions: "rightsize, cpu-limit", fields: fields, recommender: recommender))
        let planner = Planner()
        let plan = try await planner.plan(
            PlanRequest(
                repository: fixture.repo.path, profiles: fixture.profiles.path,
                now: Date(timeIntervalSince1970: 0)))
        let removal = try #require(plan.changes.first { $0.field == .limitsCPU })
        #expect(removal.to == nil)
        let throttling = try #require(plan.findings.first { $0.finding.kind == .cpuThrottling })
        #expect(throttling.finding.evidence.settings == ["throttling.response: remove (spec.recommender)"])
        #expect(removal.decision.outcome == .allowed)
        let json = PlanRenderer.render(plan, as: .json)
        #expect(json.contains("\"to\" : null"))
        // The diff deletes the limit's line, nothing else of it.
        #expect(
            plan.diff.contains(
                "             limits:\n-              cpu: 500m\n-              memory: 2Gi\n+              memory: 288Mi\n"
            ))
        let text = PlanRenderer.render(plan, as: .text)
        #expect(text.contains("    cpu limit       500m -> removed  (throttled 38 %)  allowed (rule shop)\n"))

        // Without allowRemove the removal is rejected, and the limit stays.
        try fixture.directory.write(
            "repo/policies/steward.yaml",
            Self.policy(actions: "rightsize, cpu-limit", fields: Self.allFields, recommender: recommender))
        let strict = try await planner.plan(
            PlanRequest(repository: fixture.repo.path, profiles: fixture.profiles.path))
        let rejected = try #require(strict.changes.first { $0.field == .limitsCPU })
        #expect(rejected.decision.reason?.hasPrefix("removing ") == true)
        #expect(
            strict.diff.contains(
                "             limits:\n               cpu: 500m\n-              memory: 2Gi\n"))
    }

    @Test func aRequestNeverEndsAboveItsLimitWhateverThePolicyAllows() throws {
        // OOM-killed twice at 2Gi: memory rises to max(2048 × 1.2, 2148) = 2457.6 → 2458Mi. The
        // policy allows the request but not the limit: the request would be above the 2Gi limit.
        let fixture = try PlanFixture(
            manifest: Self.manifest,
            profiles: Self.profiles(
                memory: { _ in 2000 * 1_048_576 },
                extra: #", "oomKills": 2, "limits": {"memory": 2147483648}"#),
            policy: Self.policy(
                actions: "rightsize, oom",
                fields: ["path: spec.template.spec.containers[*].resources.requests.memory"]))
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        #expect(
            output.text.contains(
                "    memory request  1Gi  -> 2458Mi  (OOM at 2048 MiB)  rejected: 2458Mi would be above the limit 2Gi, "
                    + "which the plan does not raise (rule shop)\n"))
        #expect(!output.text.contains("+                      memory: 2458Mi"))
    }
}
