import Kubernetes
import Policy
import Testing
import YAMLSyntax

/// `spec.recommender` and a rule's `recommender` block: every knob read with its unit, a rule's
/// block merged over the global one for the workloads the rule selects, and every bad value
/// reported with its position.
@Suite struct RecommenderPolicyTests {
    static let everyKnob = """
          recommender:
            cpuPercentile: p99
            cpuMarginPercent: 20
            minimumCPU: 25m
            cpuLimit: {multipleOfRequest: 2.5}
            memoryMarginPercent: 12.5
            minimumMemory: 128Mi
            oomBump: {percent: 25, minimum: 256Mi}
            minimumHistory: 3d
            minimumCoveragePercent: 50
            hysteresis: {percent: 5, cpu: 20m, memory: 32Mi}
            throttling:
              thresholdPercent: 10
              usagePercent: 80
              response: report
              bumpPercent: 100
              minimumBump: "0.2"
            leak:
              horizon: 2w
              minimumFit: 0.9
              minimumSpan: 1d12h
              minimumGrowthPercent: 5
              resetDropPercent: 40
            regression:
              rolloutDelay: 15m
              onset: 90m
              baseline: 12h
              minimumBaseline: 30m
              crashLoopRestarts: 5
              probeSuccessPercent: 95
              certificateExpiry: 30d

        """

    @Test func everyKnobIsReadInItsUnit() throws {
        let policy = try Fixtures.policy(Self.everyKnob)
        let amounts = policy.recommender.compactMapValues { value -> Double? in
            if case .amount(let amount, _) = value { return amount }
            return nil
        }
        #expect(
            amounts == [
                .cpuMarginPercent: 20, .minimumCPU: 25, .memoryMarginPercent: 12.5,
                .minimumMemory: 134_217_728, .oomBumpPercent: 25, .oomBumpMinimum: 268_435_456,
                .minimumHistory: 259_200, .minimumCoveragePercent: 50, .hysteresisPercent: 5,
                .hysteresisCPU: 20, .hysteresisMemory: 33_554_432, .throttlingThresholdPercent: 10,
                .throttlingUsagePercent: 80, .throttlingBumpPercent: 100, .throttlingMinimumBump: 200,
                .leakHorizon: 1_209_600, .leakMinimumFit: 0.9, .leakMinimumSpan: 129_600,
                .leakMinimumGrowthPercent: 5, .leakResetDropPercent: 40, .regressionRolloutDelay: 900,
                .regressionOnset: 5400, .regressionBaseline: 43_200, .regressionMinimumBaseline: 1800,
                .regressionCrashLoopRestarts: 5, .regressionProbeSuccessPercent: 95,
                .regressionCertificateExpiry: 2_592_000,
            ])
        #expect(policy.recommender[.cpuPercentile] == .percentile(.p99))
        #expect(policy.recommender[.cpuLimit] == .cpuLimit(.multipleOfRequest(2.5)))
        #expect(policy.recommender[.throttlingResponse] == .throttlingResponse(.report))
        #expect(policy.recommender.count == RecommenderKnob.allCases.count)
    }

    @Test func aFloorOfNothingIsRefusedButAHysteresisOfNothingIsNot() throws {
        #expect(
            Fixtures.diagnostics(Fixtures.header + "  recommender: {minimumCPU: 0, minimumMemory: 0Mi}\n")
                == [
                    """
                    policies/steward.yaml:6:29: spec.recommender.minimumCPU: 0 is out of range: expected more than 0
                      recommender: {minimumCPU: 0, minimumMemory: 0Mi}
                                                ^
                    """,
                    """
                    policies/steward.yaml:6:47: spec.recommender.minimumMemory: 0Mi is out of range: expected more than 0
                      recommender: {minimumCPU: 0, minimumMemory: 0Mi}
                                                                  ^
                    """,
                ])
        let policy = try Fixtures.policy("  recommender: {hysteresis: {cpu: 0, memory: 0}}\n")
        #expect(policy.recommender[.hysteresisCPU] == .amount(0, text: "0"))
    }

    @Test func aRuleBlockIsMergedOverTheGlobalOneForItsWorkloadsOnly() throws {
        let policy = try Fixtures.policy(
            """
              recommender:
                cpuPercentile: p99
                cpuLimit: remove
                hysteresis: {percent: 20}
              rules:
                - name: batch
                  match: {namespaces: [batch-*]}
                  actions: [rightsize]
                  recommender:
                    cpuPercentile: max
                    hysteresis: {memory: 64Mi}
                - name: everything-else
                  actions: [rightsize]

            """)
        let batch = policy.recommenderOverrides(for: Fixtures.subject(namespace: "batch-nightly"))
        #expect(
            batch.map(\.description) == [
                "cpuPercentile: max (rule batch)", "cpuLimit: remove (spec.recommender)",
                "hysteresis.percent: 20 (spec.recommender)", "hysteresis.memory: 64Mi (rule batch)",
            ])
        let shop = policy.recommenderOverrides(for: Fixtures.subject(namespace: "shop"))
        #expect(
            shop.map(\.description) == [
                "cpuPercentile: p99 (spec.recommender)", "cpuLimit: remove (spec.recommender)",
                "hysteresis.percent: 20 (spec.recommender)",
            ])
        #expect(try Fixtures.policy("  rules: []\n").recommenderOverrides(for: Fixtures.subject()).isEmpty)
    }

    @Test func aBadKnobIsReportedWithItsPositionAndCaret() {
        let text =
            Fixtures.header + """
                  recommender:
                    cpuPercentil: p95
                    cpuPercentile: 95
                    cpuMarginPercent: -5
                    minimumCPU: 1Gi
                    minimumMemory: 64m
                    cpuLimit: {multipleOfRequest: 0.5}
                    minimumHistory: 1 day
                    minimumCoveragePercent: 120
                    hysteresis: {percent: 10, cpus: 10m, memory: lots}
                    throttling: {response: raised}
                    leak: {minimumFit: 2}
                    regression: {crashLoopRestarts: 0}
                  rules:
                    - name: web
                      recommender: {cpuLimit: removed}

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:7:5: spec.recommender: unknown field "cpuPercentil"; did you mean "cpuPercentile"?
                    cpuPercentil: p95
                    ^
                """,
                """
                policies/steward.yaml:8:20: spec.recommender.cpuPercentile: "95" is not a percentile Steward sizes CPU from (p50, p90, p95, p99, max); did you mean "p95"?
                    cpuPercentile: 95
                                   ^
                """,
                """
                policies/steward.yaml:9:23: spec.recommender.cpuMarginPercent: -5 is out of range: expected at least 0
                    cpuMarginPercent: -5
                                      ^
                """,
                """
                policies/steward.yaml:10:17: spec.recommender.minimumCPU: 1Gi is a memory size; CPU is counted in cores (2, 0.5) or millicores (500m)
                    minimumCPU: 1Gi
                                ^
                """,
                """
                policies/steward.yaml:11:20: spec.recommender.minimumMemory: 64m of memory is 64 thousandths of a byte; did you mean 64Mi?
                    minimumMemory: 64m
                                   ^
                """,
                """
                policies/steward.yaml:12:35: spec.recommender.cpuLimit.multipleOfRequest: 0.5 is out of range: expected at least 1
                    cpuLimit: {multipleOfRequest: 0.5}
                                                  ^
                """,
                """
                policies/steward.yaml:13:21: spec.recommender.minimumHistory: "1 day" is not a duration (e.g. 90m, 24h, 7d, 1d12h)
                    minimumHistory: 1 day
                                    ^
                """,
                """
                policies/steward.yaml:14:29: spec.recommender.minimumCoveragePercent: 120 is out of range: expected between 0 and 100
                    minimumCoveragePercent: 120
                                            ^
                """,
                """
                policies/steward.yaml:15:31: spec.recommender.hysteresis: unknown field "cpus"; did you mean "cpu"?
                    hysteresis: {percent: 10, cpus: 10m, memory: lots}
                                              ^
                """,
                """
                policies/steward.yaml:15:50: spec.recommender.hysteresis.memory: "lots" is not a Kubernetes quantity (e.g. 250m, 1.5, 512Mi, 2Gi)
                    hysteresis: {percent: 10, cpus: 10m, memory: lots}
                                                                 ^
                """,
                """
                policies/steward.yaml:16:28: spec.recommender.throttling.response: "raised" is not a response to throttling (raise, remove, report); did you mean "raise"?
                    throttling: {response: raised}
                                           ^
                """,
                """
                policies/steward.yaml:17:24: spec.recommender.leak.minimumFit: 2 is out of range: expected between 0 and 1
                    leak: {minimumFit: 2}
                                       ^
                """,
                """
                policies/steward.yaml:18:37: spec.recommender.regression.crashLoopRestarts: 0 is out of range: expected at least 1
                    regression: {crashLoopRestarts: 0}
                                                    ^
                """,
                """
                policies/steward.yaml:21:31: spec.rules[0].recommender.cpuLimit: "removed" is not a CPU limit rule (keep, remove or {multipleOfRequest: N}); did you mean "remove"?
                      recommender: {cpuLimit: removed}
                                              ^
                """,
            ])
    }

    @Test func aRecommenderCaseChecksTheKnobsTheWorkloadGets() throws {
        let policy = try Fixtures.policy(
            """
              recommender: {cpuPercentile: p99, minimumHistory: 7d}
              rules:
                - name: batch
                  match: {namespaces: [batch]}
                  recommender: {cpuPercentile: max}

            """)
        let text = """
            apiVersion: steward.dev/v1
            kind: PolicyTest
            metadata: {name: t}
            spec:
              policy: steward.yaml
              cases:
                - name: batch is sized for its peak
                  workload: {kind: Job, metadata: {name: report, namespace: batch}}
                  expect: {recommender: {cpuPercentile: max, minimumHistory: 168h}}
                - name: shop too
                  workload: {kind: Deployment, metadata: {name: web, namespace: shop}}
                  expect: {recommender: {cpuPercentile: max, cpuLimit: remove}}

            """
        let file = try PolicyTestFile(file: YAMLFile(bytes: Array(text.utf8), path: "policies/t.yaml"))
        #expect(
            file.run(against: policy).map(\.summary) == [
                "PASS  policies/t.yaml:7  batch is sized for its peak",
                "FAIL  policies/t.yaml:10  shop too: expected cpuPercentile: max, got p99 (spec.recommender); "
                    + "expected cpuLimit: remove, got the default",
            ])
        let broken = text.replacingOccurrences(of: "cpuLimit: remove", with: "cpuLimit: drop")
            .replacingOccurrences(of: "{cpuPercentile: max, minimumHistory: 168h}", with: "{}")
        #expect(
            Self.testFileDiagnostics(broken) == [
                "policies/t.yaml:9:29: spec.cases[0].expect.recommender: name at least one knob to check",
                "policies/t.yaml:12:60: spec.cases[1].expect.recommender.cpuLimit: \"drop\" is not a CPU limit "
                    + "rule (keep, remove or {multipleOfRequest: N})",
            ])
    }

    static func testFileDiagnostics(_ text: String) -> [String] {
        do {
            _ = try PolicyTestFile(file: YAMLFile(bytes: Array(text.utf8), path: "policies/t.yaml"))
            return []
        } catch let error as YAMLDiagnostics {
            return error.summaries
        } catch {
            return ["\(error)"]
        }
    }
}
