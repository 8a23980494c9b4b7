import Testing
import YAMLSyntax

/// The YAML test suite (402 cases): valid inputs must give exactly the expected events,
/// invalid inputs must be rejected.
@Suite struct ConformanceTests {
    /// Ratchet: the number of cases passing now. Raise it when more pass; never lower it.
    static let threshold = 402

    @Test func yamlTestSuite() throws {
        let cases = try SharedData.suiteCases()
        #expect(cases.count == 402, "expected the 402 cases of data-2022-01-17, found \(cases.count)")
        var passed = 0
        var failures: [String] = []
        for testCase in cases {
            let outcome: String?
            do {
                let file = try YAMLFile(bytes: testCase.input, path: testCase.id + "/in.yaml")
                if testCase.isError {
                    outcome = "accepted invalid input"
                } else if file.events() != testCase.expectedEvents {
                    outcome = "events differ"
                } else {
                    outcome = nil
                }
            } catch {
                outcome = testCase.isError ? nil : "rejected valid input: \(error.message)"
            }
            if let outcome {
                failures.append("\(testCase.id) (\(outcome))")
            } else {
                passed += 1
            }
        }
        print("yaml-test-suite: \(passed) passed, \(failures.count) failed")
        for failure in failures { print("  failing: \(failure)") }
        #expect(
            passed >= Self.threshold,
            "conformance fell below \(Self.threshold): \(failures.joined(separator: ", "))")
    }

    @Test func errorsCarryPositionAndCaret() throws {
        let cases = try SharedData.suiteCases().filter(\.isError)
        for testCase in cases {
            #expect(throws: YAMLError.self) { try YAMLFile(bytes: testCase.input, path: "x.yaml") }
            do {
                _ = try YAMLFile(bytes: testCase.input, path: "x.yaml")
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "\(testCase.id): \(error)")
                #expect(error.description.hasPrefix("x.yaml:\(error.line):\(error.column): "))
                #expect(
                    error.description.split(separator: "\n", omittingEmptySubsequences: false).last?.last
                        == "^")
            }
        }
    }
}
