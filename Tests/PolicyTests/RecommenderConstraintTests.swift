import Foundation
import TestSupport
import Testing

/// Knobs that would silently switch a detector off: a window of 0, a lower bound above its
/// upper bound, a bump of nothing. `steward policy check` refuses them in `spec.recommender` and
/// in every rule's block merged over it, each at the knob with a caret.
@Suite struct RecommenderConstraintTests {
    static func check(_ spec: String) throws -> ExternalToolOutput {
        let directory = try TemporaryDirectory("steward-recommender")
        _ = try directory.write(
            "policies/steward.yaml",
            "apiVersion: steward.dev/v1\nkind: Policy\nmetadata: {name: knobs}\n" + spec)
        return try withExtendedLifetime(directory) {
            try PackagePaths.steward().result(
                ["policy", "check", "policies/steward.yaml"], in: directory.url.path)
        }
    }

    @Test func aWindowOfNothingAndConflictingKnobsAreRefusedInTheGlobalBlock() throws {
        let output = try Self.check(
            """
            spec:
              recommender:
                oomBump: {percent: 0, minimum: 0}
                throttling: {bumpPercent: 0, minimumBump: 0}
                leak: {horizon: 0s, minimumSpan: 0s}
                regression: {rolloutDelay: 0m, onset: 0s, baseline: 30m, minimumBaseline: 2h, certificateExpiry: 0d}

            """)
        #expect(output.status == 1)
        #expect(
            output.text == """
                policies/steward.yaml:6:24: spec.recommender.oomBump.percent: 0 and oomBump.minimum 0 raise nothing after an OOM kill: set one of them above 0
                    oomBump: {percent: 0, minimum: 0}
                                       ^
                policies/steward.yaml:7:31: spec.recommender.throttling.bumpPercent: 0 and throttling.minimumBump 0 raise nothing for a throttled container: set one of them above 0, or throttling.response to remove or report
                    throttling: {bumpPercent: 0, minimumBump: 0}
                                              ^
                policies/steward.yaml:8:21: spec.recommender.leak.horizon: 0s is out of range: expected more than 0
                    leak: {horizon: 0s, minimumSpan: 0s}
                                    ^
                policies/steward.yaml:9:32: spec.recommender.regression.rolloutDelay: 0m is out of range: expected more than 0
                    regression: {rolloutDelay: 0m, onset: 0s, baseline: 30m, minimumBaseline: 2h, certificateExpiry: 0d}
                                               ^
                policies/steward.yaml:9:43: spec.recommender.regression.onset: 0s is out of range: expected more than 0
                    regression: {rolloutDelay: 0m, onset: 0s, baseline: 30m, minimumBaseline: 2h, certificateExpiry: 0d}
                                                          ^
                policies/steward.yaml:9:79: spec.recommender.regression.minimumBaseline: 2h is longer than regression.baseline 30m: no onset would have its baseline, so no regression would ever be found
                    regression: {rolloutDelay: 0m, onset: 0s, baseline: 30m, minimumBaseline: 2h, certificateExpiry: 0d}
                                                                                              ^
                policies/steward.yaml:9:102: spec.recommender.regression.certificateExpiry: 0d is out of range: expected more than 0
                    regression: {rolloutDelay: 0m, onset: 0s, baseline: 30m, minimumBaseline: 2h, certificateExpiry: 0d}
                                                                                                                     ^

                """)
        #expect(output.stderr == "steward: error: 1 file has 7 errors\n")
    }

    @Test func aRuleIsCheckedMergedOverTheGlobalBlockAndNamesTheGlobalValue() throws {
        let output = try Self.check(
            """
            spec:
              recommender:
                oomBump: {minimum: 0}
                throttling: {response: report, bumpPercent: 0, minimumBump: 0}
                regression: {minimumBaseline: 2h}
              rules:
                - name: batch
                  match: {namespaces: [batch]}
                  actions: [rightsize]
                  recommender:
                    oomBump: {percent: 0}
                    throttling: {response: raise}
                    regression: {baseline: 90m}
                - name: jobs
                  match: {kinds: [Job]}
                  actions: [rightsize]
                  recommender:
                    regression: {baseline: 3h, minimumBaseline: 4h}
                - name: services
                  actions: [rightsize]
                  recommender:
                    oomBump: {percent: 10}
                    regression: {baseline: 2h}

            """)
        #expect(output.status == 1)
        #expect(
            output.text == """
                policies/steward.yaml:14:28: spec.rules[0].recommender.oomBump.percent: 0 and oomBump.minimum 0 in spec.recommender raise nothing after an OOM kill: set one of them above 0
                        oomBump: {percent: 0}
                                           ^
                policies/steward.yaml:15:32: spec.rules[0].recommender.throttling.response: raise raises nothing with throttling.bumpPercent 0 in spec.recommender and throttling.minimumBump 0 in spec.recommender: set one of them above 0, or the response to remove or report
                        throttling: {response: raise}
                                               ^
                policies/steward.yaml:16:32: spec.rules[0].recommender.regression.baseline: 90m is shorter than regression.minimumBaseline 2h in spec.recommender: no onset would have its baseline, so no regression would ever be found
                        regression: {baseline: 90m}
                                               ^
                policies/steward.yaml:21:53: spec.rules[1].recommender.regression.minimumBaseline: 4h is longer than regression.baseline 3h: no onset would have its baseline, so no regression would ever be found
                        regression: {baseline: 3h, minimumBaseline: 4h}
                                                                    ^

                """)
        #expect(output.stderr == "steward: error: 1 file has 4 errors\n")
    }

    @Test func zeroIsAcceptedWhereItSwitchesNothingOff() throws {
        let output = try Self.check(
            """
            spec:
              recommender:
                minimumHistory: 0s
                hysteresis: {percent: 0, cpu: 0, memory: 0}
                oomBump: {percent: 0}
                throttling: {response: remove, bumpPercent: 0, minimumBump: 0}
                leak: {minimumSpan: 0s}
                regression: {baseline: 1h, minimumBaseline: 0s}
              rules:
                - name: all
                  actions: [rightsize]
                  recommender:
                    regression: {minimumBaseline: 1h}

            """)
        #expect(output.status == 0)
        #expect(output.text == "policies/steward.yaml: ok, 1 rule\n")
        #expect(output.stderr == "")
    }
}
