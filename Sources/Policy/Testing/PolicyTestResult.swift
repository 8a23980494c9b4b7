/// The outcome of one policy test case.
public struct PolicyTestResult: Sendable, Hashable {
    /// The test file, as found.
    public var file: String
    public var line: Int
    public var name: String
    public var passed: Bool
    /// For a failure, what was expected and what happened.
    public var detail: String?

    /// `PASS  policies/steward.tests.yaml:12  name` or `FAIL  …  name: expected …, got …`.
    public var summary: String {
        let status = passed ? "PASS" : "FAIL"
        return "\(status)  \(file):\(line)  \(name)" + (detail.map { ": \($0)" } ?? "")
    }
}
