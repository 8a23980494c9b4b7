import Foundation
import StewardKit
import StewardPlanner
import StewardReports
import TestSupport
import Testing

/// `steward plan` and the policy in the repository: decisions in text and JSON, clamped values in
/// the diff, and fail-closed behavior without a usable policy.
@Suite struct PlanPolicyTests {
    /// A stricter policy: CPU requests lose at most half; memory limits and the sidecar are off.
    static let strict = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: strict}
        spec:
          rules:
            - name: app-requests
              match: {namespaces: [shop]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[name=app].resources.requests.cpu
                  maxDecreasePercent: 50
                - path: spec.template.spec.containers[name=app].resources.requests.memory
                  min: 512Mi

        """

    @Test func clampedValuesAreWrittenAndRejectedOnesAreNot() throws {
        let fixture = try PlanFixture(policy: Self.strict)
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let report = output.text.components(separatedBy: "\ndiff --git").first ?? ""
        #expect(
            report == """
                Plan for repo (cluster prod, window 7 days)

                shop/Deployment/api  (apps/api.yaml)
                  container app
                    cpu request     500m  -> 250m   (p95 0.156 cores)  clamped from 180m: maxDecreasePercent 50 of 500m (rule app-requests)
                    memory request  1Gi   -> 512Mi  (max 333.9 MiB)    clamped from 384Mi: min 512Mi (rule app-requests)
                    memory limit    1Gi   -> 384Mi  (max 333.9 MiB)    rejected: the rule does not allow changing spec.template.spec.containers[name=app].resources.limits.memory (rule app-requests)
                  container sidecar
                    cpu request     unset -> 10m    (p95 0.003 cores)  rejected: the rule does not allow changing spec.template.spec.containers[name=sidecar].resources.requests.cpu (rule app-requests)
                    memory request  unset -> 64Mi   (max 14.305 MiB)   rejected: the rule does not allow changing spec.template.spec.containers[name=sidecar].resources.requests.memory (rule app-requests)
                    memory limit    unset -> 64Mi   (max 14.305 MiB)   rejected: the rule does not allow changing spec.template.spec.containers[name=sidecar].resources.limits.memory (rule app-requests)

                Policy policies/steward.yaml (strict): 0 allowed, 2 clamped, 4 rejected
                2 changes in 1 file, 0 containers already right-sized, 0 skipped
                Requests (× replicas): CPU 0.5 -> 0.25 cores (-0.25, -50 %), memory 1 GiB -> 512 MiB (-512 MiB, -50 %)

                """)
        // Only the two clamped values change; the rejected memory limit keeps its bytes.
        let diffLines = output.text.components(separatedBy: "\n").filter {
            ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("---") && !$0.hasPrefix("+++")
        }
        #expect(
            diffLines == [
                "-              cpu: \"500m\"   # generous", "-              memory: 1Gi",
                "+              cpu: \"250m\"   # generous", "+              memory: 512Mi",
            ])

        let json = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let changes = try #require(findings.first?["changes"] as? [[String: Any]])
        let decisions = changes.compactMap { $0["decision"] as? [String: Any] }
        #expect(changes.map { $0["to"] as? String } == ["250m", "512Mi", "384Mi"])
        #expect(decisions.map { $0["outcome"] as? String } == ["clamped", "clamped", "rejected"])
        #expect(decisions.map { $0["proposed"] as? String } == ["180m", "384Mi", "384Mi"])
        #expect(decisions.map { $0["value"] as? String } == ["250m", "512Mi", nil])
        #expect(decisions[0]["bound"] as? String == "maxDecreasePercent 50 of 500m")
        #expect(decisions[2]["bound"] is NSNull)
        #expect(
            decisions[2]["reason"] as? String
                == "the rule does not allow changing spec.template.spec.containers[name=app].resources.limits.memory"
        )
        #expect(
            object["summary"] as? [String: Int] == [
                "findings": 2, "changes": 6, "files": 1, "unchanged": 0, "skipped": 0, "reverts": 0,
                "allowed": 0,
                "clamped": 2,
                "rejected": 4, "targets": 1, "errors": 0,
            ])
    }

    @Test func withoutAPolicyEveryProposalIsRejectedAndNothingIsWritten() throws {
        let fixture = try PlanFixture(policy: nil)
        let output = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--exit-code",
        ])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(
            output.text == """
                Plan for repo (cluster prod, window 7 days)

                shop/Deployment/api  (apps/api.yaml)
                  container app
                    cpu request     500m  -> 180m   (p95 0.156 cores)  rejected: no policy
                    memory request  1Gi   -> 384Mi  (max 333.9 MiB)    rejected: no policy
                    memory limit    1Gi   -> 384Mi  (max 333.9 MiB)    rejected: no policy
                  container sidecar
                    cpu request     unset -> 10m    (p95 0.003 cores)  rejected: no policy
                    memory request  unset -> 64Mi   (max 14.305 MiB)   rejected: no policy
                    memory limit    unset -> 64Mi   (max 14.305 MiB)   rejected: no policy

                No policy: policies/steward.yaml does not exist, so every proposal is rejected (default deny).
                Add the documented default with `steward policy init --repo repo`, review it and commit it.
                0 changes in 0 files, 0 containers already right-sized, 0 skipped
                Requests (× replicas): CPU 0.5 -> 0.5 cores (unchanged), memory 1 GiB -> 1 GiB (unchanged)

                """)
        let json = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["status"] as? String == "missing")
        #expect(policy["name"] is NSNull)
        #expect(object["diff"] as? String == "")
    }

    @Test func aBrokenPolicyIsReportedWithItsLineAndAllowsNothing() throws {
        let broken = Self.strict.replacingOccurrences(
            of: "apiVersion: steward.dev/v1", with: "apiVersion: v1"
        )
        .replacingOccurrences(of: "min: 512Mi", with: "min: 512MB")
        let fixture = try PlanFixture(policy: broken)
        let before = try fixture.snapshot()
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "steward: error: policies/steward.yaml does not load (2 errors): every proposal is rejected\n"
        )
        #expect(
            output.text.contains(
                "    cpu request     500m  -> 180m   (p95 0.156 cores)  rejected: the policy does not load\n")
        )
        #expect(
            output.text.contains(
                """

                Policy policies/steward.yaml does not load, so every proposal is rejected:
                policies/steward.yaml:1:13: apiVersion: expected steward.dev/v1, found v1
                apiVersion: v1
                            ^
                policies/steward.yaml:13:16: spec.rules[0].fields[1].min: "512MB" is not a Kubernetes quantity (e.g. 250m, 1.5, 512Mi, 2Gi)
                          min: 512MB
                               ^
                0 changes in 0 files, 0 containers already right-sized, 0 skipped

                """))
        #expect(try fixture.snapshot() == before)
        let json = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json",
        ])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["status"] as? String == "invalid")
        #expect(
            policy["errors"] as? [String] == [
                "policies/steward.yaml:1:13: apiVersion: expected steward.dev/v1, found v1",
                "policies/steward.yaml:13:16: spec.rules[0].fields[1].min: \"512MB\" is not a Kubernetes quantity "
                    + "(e.g. 250m, 1.5, 512Mi, 2Gi)",
            ])
    }

    @Test func anotherPolicyFileCanBeNamed() throws {
        let fixture = try PlanFixture(policy: nil)
        try fixture.directory.write("repo/policies/strict.yaml", Self.strict)
        let output = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--policy", "policies/strict.yaml",
        ])
        #expect(output.status == 0)
        #expect(
            output.text.contains("\nPolicy policies/strict.yaml (strict): 0 allowed, 2 clamped, 4 rejected\n")
        )
    }

    @Test func theScheduleSaysWhetherRunMayPublish() async throws {
        let scheduled = Self.strict.replacingOccurrences(
            of: "spec:\n",
            with:
                "spec:\n  schedule:\n    timeZone: Europe/Berlin\n    windows:\n      - {days: Mon-Fri, hours: \"09:00-17:00\"}\n"
        )
        let fixture = try PlanFixture(policy: scheduled)
        func plan(at time: String) async throws -> Plan {
            try await Planner().plan(
                PlanRequest(
                    repository: fixture.repo.path, profiles: fixture.profiles.path,
                    now: try Date(time, strategy: .iso8601)))
        }
        let saturday = try await plan(at: "2026-07-04T10:00:00Z")
        #expect(saturday.scheduleOpen == false)
        #expect(saturday.proposesChanges)
        #expect(!saturday.mayPublish)
        #expect(
            PlanRenderer.render(saturday, as: .text).contains(
                "\nPolicy policies/steward.yaml (strict): 0 allowed, 2 clamped, 4 rejected\n"
                    + "Schedule Mon-Fri 09:00-17:00 (Europe/Berlin): closed now, so `run` would only plan\n"))
        let monday = try await plan(at: "2026-07-06T10:00:00Z")
        #expect(monday.scheduleOpen == true)
        #expect(monday.mayPublish)
        #expect(
            PlanRenderer.render(monday, as: .text).contains(
                "\nSchedule Mon-Fri 09:00-17:00 (Europe/Berlin): open now\n"))
        let json = PlanRenderer.render(saturday, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["schedule"] as? String == "Mon-Fri 09:00-17:00 (Europe/Berlin)")
        #expect(policy["scheduleOpen"] as? Bool == false)
    }

    @Test func withoutAPolicyNothingMayBePublished() async throws {
        let fixture = try PlanFixture(policy: nil)
        let plan = try await Planner().plan(
            PlanRequest(repository: fixture.repo.path, profiles: fixture.profiles.path))
        #expect(!plan.mayPublish)
        #expect(plan.permittedChanges.isEmpty)
        #expect(plan.changes.count == 6)
        #expect(plan.changes.allSatisfy { $0.decision.reason == "no policy" })
    }
}
