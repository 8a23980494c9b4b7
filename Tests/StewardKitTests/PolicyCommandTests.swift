import Foundation
import TestSupport
import Testing

/// `steward policy init|check|test` through the built binary.
@Suite struct PolicyCommandTests {
    static let policies = PackagePaths.root.appendingPathComponent("policies")

    static func steward(_ arguments: [String], in directory: URL) throws -> ExternalToolOutput {
        try PackagePaths.steward().result(arguments, in: directory.path)
    }

    @Test func initWritesTheDocumentedDefaultPolicyAndItsCases() throws {
        let directory = try TemporaryDirectory("steward-policy")
        try directory.write("repo/apps/web.yaml", "kind: Deployment\n")
        let output = try Self.steward(["policy", "init", "--repo", "repo"], in: directory.url)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(
            output.text == """
                Wrote repo/policies/steward.yaml (the default policy) and repo/policies/steward.tests.yaml (its cases).
                Review them, run `steward policy test repo/policies`, and commit both:
                Steward allows no change until a policy is in the repository.

                """)
        let written = try Data(contentsOf: directory.path("repo/policies/steward.yaml"))
        #expect(written == (try Data(contentsOf: Self.policies.appendingPathComponent("steward.yaml"))))
        let tests = try Data(contentsOf: directory.path("repo/policies/steward.tests.yaml"))
        #expect(tests == (try Data(contentsOf: Self.policies.appendingPathComponent("steward.tests.yaml"))))

        let passing = try Self.steward(["policy", "test", "repo/policies"], in: directory.url)
        #expect(passing.status == 0)
        #expect(passing.text.hasSuffix("\n11 cases: 11 passed, 0 failed\n"))
    }

    @Test func initNeverOverwritesWithoutForce() throws {
        let directory = try TemporaryDirectory("steward-policy")
        try directory.write("policies/steward.yaml", "# ours\n")
        let refused = try Self.steward(["policy", "init"], in: directory.url)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr
                == "steward: error: policies/steward.yaml already exists; edit it, or pass --force to replace it\n"
        )
        #expect(
            try String(contentsOf: directory.path("policies/steward.yaml"), encoding: .utf8) == "# ours\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path("policies/steward.tests.yaml").path))

        let forced = try Self.steward(["policy", "init", "--force"], in: directory.url)
        #expect(forced.status == 0)
        #expect(
            try String(contentsOf: directory.path("policies/steward.yaml"), encoding: .utf8).hasPrefix(
                "# Steward's"))

        let missing = try Self.steward(["policy", "init", "--repo", "nowhere"], in: directory.url)
        #expect(missing.status == 1)
        #expect(missing.stderr == "steward: error: nowhere: no such directory\n")
    }

    @Test func checkReportsEveryErrorWithACaret() throws {
        let directory = try TemporaryDirectory("steward-policy")
        try directory.write(
            "policies/steward.yaml",
            """
            apiVersion: steward.dev/v1
            kind: Policy
            metadata: {name: broken}
            spec:
              rules:
                - name: web
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[*].resources.requests.cpu
                      min: 2
                      max: 1
                    - path: spec.template.spec.containers[*].image

            """)
        let output = try Self.steward(
            [
                "policy", "check", "policies/steward.yaml",
                Self.policies.appendingPathComponent("steward.yaml").path,
            ],
            in: directory.url)
        #expect(output.status == 1)
        #expect(
            output.text == """
                policies/steward.yaml:10:16: spec.rules[0].fields[0].min: 2 is above max 1
                          min: 2
                               ^
                policies/steward.yaml:12:17: spec.rules[0].fields[1].path: `spec.template.spec.containers[*].image` can never match a resources field: after the container comes resources.requests.cpu, resources.requests.memory, resources.limits.cpu or resources.limits.memory
                        - path: spec.template.spec.containers[*].image
                                ^
                \(Self.policies.path)/steward.yaml: ok, 2 rules

                """)
        #expect(output.stderr == "steward: error: 1 file has 2 errors\n")

        let tests = try Self.steward(
            ["policy", "check", Self.policies.appendingPathComponent("steward.tests.yaml").path],
            in: directory.url)
        #expect(tests.status == 0)
        #expect(tests.text == "\(Self.policies.path)/steward.tests.yaml: ok, 11 cases\n")

        let usage = try Self.steward(["policy", "check"], in: directory.url)
        #expect(usage.status == 2)

        let missing = try Self.steward(["policy", "check", "nope.yaml"], in: directory.url)
        #expect(missing.status == 1)
        #expect(missing.text == "nope.yaml: cannot open: No such file or directory\n")
        #expect(missing.stderr == "steward: error: 1 file has 1 error\n")
    }

    @Test func testRunsTheBundledPoliciesAndTheDemoPolicy() throws {
        let bundled = try Self.steward(["policy", "test", "policies"], in: PackagePaths.root)
        #expect(bundled.status == 0)
        #expect(bundled.stderr == "")
        #expect(bundled.text.hasSuffix("\n33 cases: 33 passed, 0 failed\n"))
        #expect(bundled.text.components(separatedBy: "\n").filter { $0.hasPrefix("PASS  ") }.count == 33)

        let demo = try Self.steward(["policy", "test", "examples/demo-repo/policies"], in: PackagePaths.root)
        #expect(demo.status == 0)
        #expect(demo.text.hasSuffix("\n4 cases: 4 passed, 0 failed\n"))
    }

    @Test func testFailsWithOneLinePerFailedCase() throws {
        let directory = try TemporaryDirectory("steward-policy")
        try directory.write(
            "policies/steward.yaml",
            try String(contentsOf: Self.policies.appendingPathComponent("steward.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "maxDecreasePercent: 50", with: "maxDecreasePercent: 60"))
        try directory.write(
            "policies/steward.tests.yaml",
            try String(
                contentsOf: Self.policies.appendingPathComponent("steward.tests.yaml"), encoding: .utf8))
        let output = try Self.steward(["policy", "test"], in: directory.url)
        #expect(output.status == 1)
        #expect(output.stderr == "steward: error: 1 of 11 policy test cases failed\n")
        #expect(
            output.text.components(separatedBy: "\n").filter { $0.hasPrefix("FAIL") } == [
                "FAIL  policies/steward.tests.yaml:22  a CPU request cut by more than half is clamped to half: "
                    + "expected clamped to 250m, got clamped to 200m by maxDecreasePercent 60 of 500m "
                    + "(rule requests-and-memory-limits)"
            ])
        #expect(output.text.hasSuffix("\n11 cases: 10 passed, 1 failed\n"))
    }
}
