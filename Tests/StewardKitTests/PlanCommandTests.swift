import Foundation
import StewardPlanner
import TestSupport
import Testing

/// `steward plan` through the built binary: output, JSON schema, exit codes and error messages.
@Suite struct PlanCommandTests {
    @Test func printsCurrentAndProposedValuesAndTheDiff() throws {
        let fixture = try PlanFixture()
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let text = output.text
        let report = text.components(separatedBy: "\ndiff --git").first ?? ""
        #expect(
            report == """
                Plan for repo (cluster prod, window 7 days)

                shop/Deployment/api  (apps/api.yaml)
                  container app
                    cpu request     500m  -> 180m   (p95 0.156 cores)  allowed (rule shop)
                    memory request  1Gi   -> 384Mi  (max 333.9 MiB)    allowed (rule shop)
                    memory limit    1Gi   -> 384Mi  (max 333.9 MiB)    allowed (rule shop)
                  container sidecar
                    cpu request     unset -> 10m    (p95 0.003 cores)  allowed (rule shop)
                    memory request  unset -> 64Mi   (max 14.305 MiB)   allowed (rule shop)
                    memory limit    unset -> 64Mi   (max 14.305 MiB)   allowed (rule shop)

                Policy policies/steward.yaml (fixture): 6 allowed, 0 clamped, 0 rejected
                6 changes in 1 file, 0 containers already right-sized, 0 skipped
                Requests (× replicas): CPU 0.5 -> 0.19 cores (-0.31, -62 %), memory 1 GiB -> 448 MiB (-576 MiB, -56.3 %)

                """)
    }

    @Test func jsonOutputFollowsTheDocumentedSchemaAndItsDiffApplies() throws {
        let fixture = try PlanFixture()
        let output = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "json",
        ])
        #expect(output.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        #expect(object["apiVersion"] as? String == "steward.dev/v1")
        #expect(object["kind"] as? String == "Plan")
        #expect(object["cluster"] as? String == "prod")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let app = findings[0]
        #expect(app["id"] as? String == "rightsize/prod/shop/Deployment/api/app")
        #expect(app["kind"] as? String == "rightsize")
        #expect(app["container"] as? String == "app")
        #expect(
            app["workload"] as? [String: String]
                == ["cluster": "prod", "namespace": "shop", "kind": "Deployment", "name": "api"])
        let evidence = try #require(app["evidence"] as? [String: Any])
        #expect(evidence["cpuP95"] as? Double == 0.156)
        #expect(evidence["memoryMax"] as? Double == 350_119_526)
        #expect(evidence["cpuSamples"] as? Int == 2016)
        let changes = try #require(app["changes"] as? [[String: Any]])
        #expect(
            changes.map { "\($0["file"]!) \($0["document"]!) \($0["path"]!) \($0["from"]!) \($0["to"]!)" }
                == [
                    "apps/api.yaml 0 spec.template.spec.containers[name=app].resources.requests.cpu 500m 180m",
                    "apps/api.yaml 0 spec.template.spec.containers[name=app].resources.requests.memory 1Gi 384Mi",
                    "apps/api.yaml 0 spec.template.spec.containers[name=app].resources.limits.memory 1Gi 384Mi",
                ])
        let sidecarChanges = try #require(findings[1]["changes"] as? [[String: Any]])
        #expect(sidecarChanges.first?["from"] is NSNull)
        #expect(
            object["summary"] as? [String: Int] == [
                "findings": 2, "changes": 6, "files": 1, "unchanged": 0, "skipped": 0, "allowed": 6,
                "clamped": 0, "rejected": 0, "targets": 1, "errors": 0, "reverts": 0,
            ])
        let decision = try #require(changes.first?["decision"] as? [String: Any])
        #expect(decision["outcome"] as? String == "allowed")
        #expect(decision["rule"] as? String == "shop")
        #expect(decision["proposed"] as? String == "180m")
        #expect(decision["value"] as? String == "180m")
        #expect(decision["bound"] is NSNull)
        #expect(decision["reason"] is NSNull)
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["path"] as? String == "policies/steward.yaml")
        #expect(policy["status"] as? String == "loaded")
        #expect(policy["name"] as? String == "fixture")
        #expect(policy["errors"] as? [String] == [])
        #expect(findings[0]["target"] as? String == "apps")
        #expect(changes.map { $0["placement"] as? String } == ["in-place", "in-place", "in-place"])
        #expect(changes.allSatisfy { $0["definedIn"] is NSNull })
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.map { $0["name"] as? String } == ["apps"])
        #expect(targets.first?["kind"] as? String == "directory")
        #expect(targets.first?["planned"] as? Bool == true)
        #expect((object["errors"] as? [Any])?.isEmpty == true)

        // The diff applies with stock git at the repository root and gives exactly the planned bytes.
        let diff = try #require(object["diff"] as? String)
        #expect(diff.hasPrefix("diff --git a/apps/api.yaml b/apps/api.yaml\n"))
        try ExternalTool.git.run(["init", "-q"], in: fixture.repo.path)
        try ExternalTool.git.run(["apply", "-"], in: fixture.repo.path, input: Array(diff.utf8))
        let applied = try String(
            contentsOf: fixture.repo.appendingPathComponent("apps/api.yaml"), encoding: .utf8)
        #expect(applied == PlanFixture.planned)
    }

    @Test func exitCodeFlagReportsProposedChanges() throws {
        let fixture = try PlanFixture()
        let changed = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--exit-code",
        ])
        #expect(changed.status == 3)
        try fixture.directory.write("repo/apps/api.yaml", PlanFixture.planned)
        let settled = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--exit-code",
        ])
        #expect(settled.status == 0)
        #expect(settled.text.contains("0 changes in 0 files, 2 containers already right-sized, 0 skipped\n"))
    }

    @Test func reportsAMissingRepository() throws {
        let fixture = try PlanFixture()
        let output = try fixture.steward(["plan", "--repo", "missing", "--profiles", "profiles.json"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "steward: error: missing: no such directory\n")
    }

    @Test(arguments: [
        ("hello", "steward: error: profiles.json:1:1: not valid JSON: invalid value\n"),
        (
            #"{"apiVersion": "steward.dev/v2", "kind": "UsageProfiles"}"#,
            "steward: error: profiles.json: expected apiVersion steward.dev/v1 and kind UsageProfiles, "
                + "found steward.dev/v2/UsageProfiles\n"
        ),
        (
            #"{"apiVersion": "steward.dev/v1", "kind": "UsageProfiles", "window": {"start": "monday", "end": 2}, "profiles": []}"#,
            "steward: error: profiles.json: window.start: expected a number\n"
        ),
    ])
    func reportsAProfilesFileThatCannotBeUsed(profiles: String, message: String) throws {
        let fixture = try PlanFixture(profiles: profiles)
        let before = try fixture.snapshot()
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == message)
        #expect(try fixture.snapshot() == before)
    }

    /// A file that does not parse is reported with its target, line and caret, and fails the
    /// command; the rest of the repository is still planned and nothing is written.
    @Test func reportsAManifestThatDoesNotParseWithLineAndCaret() throws {
        let fixture = try PlanFixture(
            manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"web\n")
        try fixture.directory.write("repo/other/worker.yaml", PlanFixture.manifest)
        let before = try fixture.snapshot()
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "steward: error: apps/api.yaml:4:9: unclosed double-quoted scalar: missing closing \": "
                + "not valid YAML; the rest was planned\n")
        #expect(
            output.text.contains(
                """
                Errors:
                  target apps: apps/api.yaml:4:9: unclosed double-quoted scalar: missing closing "
                      name: "web
                            ^

                """))
        #expect(output.text.contains("shop/Deployment/api  (other/worker.yaml)\n"))
        #expect(
            output.text.contains(
                "\n6 changes in 1 file, 0 containers already right-sized, 0 skipped, 1 error\n"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func reportsAValueThatIsNotAQuantityAndSkipsTheContainer() throws {
        let manifest = PlanFixture.manifest.replacingOccurrences(
            of: "# generous\n              memory: 1Gi", with: "# generous\n              memory: lots")
        let fixture = try PlanFixture(manifest: manifest)
        let output = try fixture.steward(["plan", "--repo", "repo", "--profiles", "profiles.json"])
        #expect(output.status == 0)
        #expect(
            output.text.contains(
                "Skipped:\n  shop/Deployment/api container app: apps/api.yaml:16:23: memory request \"lots\" is not a Kubernetes quantity\n"
            ))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let fixture = try PlanFixture()
        let missing = try fixture.steward(["plan", "--profiles", "profiles.json"])
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "steward: error: Missing expected argument '--repo <dir>' (see 'steward --help')\n")
        let format = try fixture.steward([
            "plan", "--repo", "repo", "--profiles", "profiles.json", "--format", "xml",
        ])
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("steward: error: The value 'xml' is invalid for '--format <format>'"))
    }

    @Test func helpAndVersionExitWithZero() throws {
        let fixture = try PlanFixture()
        let version = try fixture.steward(["--version"])
        #expect(version.status == 0)
        #expect(version.text == "0.1.0\n")
        let help = try fixture.steward(["plan", "--help"])
        #expect(help.status == 0)
        #expect(help.text.contains("--exit-code"))
        #expect(help.text.contains("--log-format <log-format>"))
    }
}
