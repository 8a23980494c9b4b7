import Foundation
import Policy
import TestSupport
import Testing

/// Steward's own `policies/`: the documented default policy and the examples, with their cases.
@Suite struct BundledPoliciesTests {
    static let policies = PackagePaths.root.appendingPathComponent("policies")

    @Test func theDefaultThatInitWritesIsTheDocumentedFile() throws {
        let file = try String(
            contentsOf: Self.policies.appendingPathComponent("steward.yaml"), encoding: .utf8)
        #expect(DefaultPolicy.text == file)
        let tests = try String(
            contentsOf: Self.policies.appendingPathComponent("steward.tests.yaml"), encoding: .utf8)
        #expect(DefaultPolicy.tests == tests)
    }

    @Test func everyBundledPolicyPassesItsCases() throws {
        let run = PolicyTestRun.run(directory: Self.policies.path)
        #expect(run.errors == [])
        #expect(run.results.filter { !$0.passed }.map(\.summary) == [])
        let byFile = Dictionary(grouping: run.results) { ($0.file as NSString).lastPathComponent }.mapValues(
            \.count)
        #expect(
            byFile == [
                "steward.tests.yaml": 11, "conservative-production.tests.yaml": 16,
                "permissive-staging.tests.yaml": 6,
            ])
        #expect(run.passed)
        #expect(run.report.hasSuffix("\n33 cases: 33 passed, 0 failed\n"))
    }

    @Test(arguments: [
        "steward.yaml", "examples/conservative-production.yaml", "examples/permissive-staging.yaml",
    ])
    func everyBundledPolicyLoads(path: String) throws {
        let policy = try Policy(contentsOf: Self.policies.appendingPathComponent(path).path)
        #expect(!policy.rules.isEmpty)
    }
}
