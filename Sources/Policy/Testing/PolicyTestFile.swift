import Foundation

/// A policy test file (`kind: PolicyTest`): the policy it tests and its cases.
public struct PolicyTestFile: Sendable {
    /// The file, as given to the loader.
    public var path: String
    /// The policy under test, relative to the test file's folder (`steward.yaml`).
    public var policy: String
    public var cases: [PolicyTestCase]

    public init(path: String, policy: String, cases: [PolicyTestCase]) {
        self.path = path
        self.policy = policy
        self.cases = cases
    }

    /// The policy's path: `policy` resolved against the test file's folder.
    public var policyPath: String {
        guard !policy.hasPrefix("/") else { return policy }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? policy : (folder as NSString).appendingPathComponent(policy)
    }
}
