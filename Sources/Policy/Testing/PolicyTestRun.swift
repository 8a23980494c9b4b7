import Foundation
import Profiles
import YAMLSyntax

/// A run of every policy test file under a folder.
public struct PolicyTestRun: Sendable {
    public var results: [PolicyTestResult] = []
    /// Files that could not be used (a policy or test file that does not load), with why.
    public var errors: [String] = []

    public init() {}

    /// True when every case passed, no file failed to load, and there was at least one case.
    public var passed: Bool { errors.isEmpty && !results.isEmpty && results.allSatisfy(\.passed) }

    public var failedCount: Int { results.filter { !$0.passed }.count }

    /// One line per case, the load errors, and a summary line.
    public var report: String {
        var lines = results.map(\.summary)
        lines += errors.map { "ERROR \($0)" }
        let failed = failedCount
        var summary =
            "\(Text.count(results.count, "case")): \(results.count - failed) passed, \(failed) failed"
        if !errors.isEmpty { summary += ", \(Text.count(errors.count, "error"))" }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs every test file (`kind: PolicyTest`) under `directory`, and loads every policy there
    /// so that a broken policy fails the run even without cases.
    public static func run(directory: String) -> PolicyTestRun {
        var run = PolicyTestRun()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            run.errors.append("\(directory): no such directory")
            return run
        }
        var tests: [PolicyTestFile] = []
        var policies: [String: Result<Policy, YAMLDiagnostics>] = [:]
        for path in yamlFiles(under: directory) {
            let file: YAMLFile
            do {
                file = try YAMLFile(contentsOf: path)
            } catch {
                run.errors.append(error.description)
                continue
            }
            switch file.documents.first?.root?["kind"]?.scalar {
            case "PolicyTest":
                do {
                    tests.append(try PolicyTestFile(file: file))
                } catch {
                    run.errors.append(error.description)
                }
            case "Policy":
                policies[path] = Result { () throws(YAMLDiagnostics) in try Policy(file: file) }
            default:
                continue
            }
        }
        for case (_, .failure(let error)) in policies.sorted(by: { $0.key < $1.key }) {
            run.errors.append(error.description)
        }
        if tests.isEmpty && run.errors.isEmpty {
            run.errors.append("\(directory): no policy test files (kind: PolicyTest)")
        }
        for test in tests {
            let policyPath = (test.policyPath as NSString).standardizingPath
            let loaded =
                policies[policyPath]
                ?? Result { () throws(YAMLDiagnostics) in try Policy(contentsOf: test.policyPath) }
            switch loaded {
            case .success(let policy):
                run.results += test.run(against: policy)
            case .failure(let error):
                if policies[policyPath] == nil { run.errors.append(error.description) }
                run.errors.append(
                    "\(test.path): cannot run its cases: the policy \(test.policyPath) does not load")
            }
        }
        return run
    }

    /// Every `*.yaml` and `*.yml` file under `directory`, sorted, hidden folders skipped.
    private static func yamlFiles(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml"),
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            paths.append(
                ((directory as NSString).appendingPathComponent(relative) as NSString).standardizingPath)
        }
        return paths.sorted()
    }
}

extension PolicyTestFile {
    /// Runs every case against `policy`.
    public func run(against policy: Policy) -> [PolicyTestResult] {
        cases.map { testCase in
            var result = PolicyTestResult(file: path, line: testCase.line, name: testCase.name, passed: true)
            switch testCase.check {
            case .change(let change, let expected):
                let decision = policy.evaluate(change)
                if !expected.isMet(by: decision) {
                    result.passed = false
                    result.detail = "expected \(expected.summary), got \(decision)"
                }
            case .schedule(let date, let open):
                let isOpen = policy.schedule?.isOpen(at: date) ?? true
                if isOpen != open {
                    result.passed = false
                    result.detail =
                        "expected the schedule \(open ? "open" : "closed"), it is \(isOpen ? "open" : "closed")"
                }
            case .recommender(let subject, let expected):
                let overrides = policy.recommenderOverrides(for: subject)
                let mismatches = expected.sorted { $0.key < $1.key }.compactMap { knob, value -> String? in
                    let actual = overrides.first { $0.knob == knob }
                    guard actual?.value != value else { return nil }
                    return "expected \(knob.rawValue): \(value), got "
                        + (actual.map { "\($0.value) (\($0.origin))" } ?? "the default")
                }
                if !mismatches.isEmpty {
                    result.passed = false
                    result.detail = mismatches.joined(separator: "; ")
                }
            }
            return result
        }
    }
}
