import Foundation
import Policy
import TestSupport
import Testing

/// `steward policy test` underneath: cases next to the policy, one line each, failures explained.
@Suite struct PolicyTestRunTests {
    static let policy =
        Fixtures.header + """
              rules:
                - name: web
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[*].resources.requests.cpu
                      maxDecreasePercent: 50

            """

    static let tests = """
        apiVersion: steward.dev/v1
        kind: PolicyTest
        metadata: {name: t}
        spec:
          policy: steward.yaml
          cases:
            - name: halving is allowed
              workload: {kind: Deployment, metadata: {name: web}}
              change:
                action: rightsize
                path: spec.template.spec.containers[name=app].resources.requests.cpu
                from: 500m
                to: 250m
              expect: {outcome: allowed}
            - name: a wrong expectation
              workload: {kind: Deployment, metadata: {name: web}}
              change:
                action: rightsize
                path: spec.template.spec.containers[name=app].resources.requests.cpu
                from: 500m
                to: 100m
              expect: {outcome: clamped, value: 200m}
            - name: schedule without a schedule is always open
              at: 2026-07-05T03:00:00Z
              expect: {schedule: closed}

        """

    @Test func reportsOneLinePerCaseAndExplainsFailures() throws {
        let directory = try TemporaryDirectory("steward-policy-test")
        try directory.write("policies/steward.yaml", Self.policy)
        try directory.write("policies/steward.tests.yaml", Self.tests)
        let root = directory.path("policies").path
        let run = PolicyTestRun.run(directory: root)
        #expect(!run.passed)
        #expect(run.failedCount == 2)
        #expect(
            run.report == """
                PASS  \(root)/steward.tests.yaml:7  halving is allowed
                FAIL  \(root)/steward.tests.yaml:15  a wrong expectation: expected clamped to 200m, got clamped to 250m by maxDecreasePercent 50 of 500m (rule web)
                FAIL  \(root)/steward.tests.yaml:23  schedule without a schedule is always open: expected the schedule closed, it is open
                3 cases: 1 passed, 2 failed

                """)
    }

    @Test func aPolicyThatDoesNotLoadFailsTheRun() throws {
        let directory = try TemporaryDirectory("steward-policy-test")
        try directory.write(
            "policies/steward.yaml", Self.policy.replacingOccurrences(of: "rules:", with: "rulez:"))
        try directory.write("policies/steward.tests.yaml", Self.tests)
        let root = directory.path("policies").path
        let run = PolicyTestRun.run(directory: root)
        #expect(!run.passed)
        #expect(run.results.isEmpty)
        #expect(
            run.errors == [
                """
                \(root)/steward.yaml:6:3: spec: unknown field "rulez"; did you mean "rules"?
                  rulez:
                  ^
                """,
                "\(root)/steward.tests.yaml: cannot run its cases: the policy \(root)/steward.yaml does not load",
            ])
        #expect(run.report.hasSuffix("\n0 cases: 0 passed, 0 failed, 2 errors\n"))
    }

    @Test func aTestFileWithMistakesIsReportedWithItsLines() throws {
        let directory = try TemporaryDirectory("steward-policy-test")
        try directory.write("p/steward.yaml", Self.policy)
        try directory.write(
            "p/cases.yaml",
            Self.tests.replacingOccurrences(of: "outcome: allowed", with: "outcome: allow")
                .replacingOccurrences(of: "[name=app]", with: "[*]"))
        let run = PolicyTestRun.run(directory: directory.path("p").path)
        #expect(run.errors.count == 1)
        #expect(
            run.errors.first?.components(separatedBy: "\n").filter { $0.hasPrefix("/") }.map {
                $0.replacingOccurrences(of: directory.url.path, with: "")
            } == [
                "/p/cases.yaml:11:15: spec.cases[0].change.path: name the container, as in containers[name=app].resources.requests.cpu",
                "/p/cases.yaml:14:25: spec.cases[0].expect.outcome: expected allowed, clamped or rejected",
                "/p/cases.yaml:19:15: spec.cases[1].change.path: name the container, as in containers[name=app].resources.requests.cpu",
            ])
    }

    @Test func aMissingOrEmptyFolderIsAnError() throws {
        let directory = try TemporaryDirectory("steward-policy-test")
        #expect(
            PolicyTestRun.run(directory: directory.path("nope").path).errors == [
                "\(directory.path("nope").path): no such directory"
            ])
        try directory.write("policies/steward.yaml", Self.policy)
        let run = PolicyTestRun.run(directory: directory.path("policies").path)
        #expect(run.errors == ["\(directory.path("policies").path): no policy test files (kind: PolicyTest)"])
        #expect(!run.passed)
    }
}
