import Foundation
import Policy
import Profiles
import YAMLSyntax

/// `steward policy check`: loads each file as a policy (or a policy test file) and reports every
/// problem with its position and a caret.
package enum PolicyChecker {
    /// The report for every file and how many files failed.
    package struct Result: Sendable {
        package var report: String
        package var failedFiles: Int
        package var errorCount: Int
    }

    package static func check(_ paths: [String]) -> Result {
        var lines: [String] = []
        var failedFiles = 0
        var errorCount = 0
        for path in paths {
            switch check(path) {
            case .success(let summary):
                lines.append("\(path): ok, \(summary)")
            case .failure(let error):
                failedFiles += 1
                errorCount += error.diagnostics.count
                lines += error.messages
            }
        }
        return Result(
            report: lines.joined(separator: "\n") + "\n", failedFiles: failedFiles, errorCount: errorCount)
    }

    /// `2 rules` or `11 cases`, or every problem.
    private static func check(_ path: String) -> Swift.Result<String, YAMLDiagnostics> {
        let file: YAMLFile
        do {
            file = try YAMLFile(contentsOf: path)
        } catch {
            return .failure(YAMLDiagnostics([error]))
        }
        do throws(YAMLDiagnostics) {
            if file.documents.first?.root?["kind"]?.scalar == "PolicyTest" {
                let tests = try PolicyTestFile(file: file)
                return .success("\(Text.count(tests.cases.count, "case"))")
            }
            let policy = try Policy(file: file)
            return .success("\(Text.count(policy.rules.count, "rule"))")
        } catch {
            return .failure(error)
        }
    }
}
