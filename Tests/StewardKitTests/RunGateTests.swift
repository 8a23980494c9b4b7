import Foundation
import PlanFixtures
import StewardKit
import TestSupport
import Testing

/// What holds a run back: the policy's limit of open pull requests, its schedule, a missing or
/// broken policy, and `--dry-run`.
@Suite struct RunGateTests {
    static func policy(_ extra: String, limit: Int = 5) -> String {
        ShopRepository.policy.replacingOccurrences(
            of: "  limits:\n    maxOpenPullRequests: 5\n",
            with: "  limits:\n    maxOpenPullRequests: \(limit)\n\(extra)")
    }

    @Test func beyondTheOpenPullRequestLimitFindingsWaitAndTheReportSaysSo() async throws {
        try await RunFixture.with(policy: Self.policy("", limit: 1)) { fixture in
            let first = try await fixture.run()
            #expect(first.exitStatus == .success)
            #expect(first.outcomes.map(\.action) == [.opened, .waiting])
            #expect(
                first.outcomes[1].detail
                    == "waits: 1 of at most 1 bot pull requests are open (spec.limits.maxOpenPullRequests); nothing pushed"
            )
            #expect(
                first.text.contains(
                    "steward/apps-shop      waiting    waits: 1 of at most 1 bot pull requests are open"))
            #expect(first.summaryLine.contains("\"waiting\":1"))
            #expect(try fixture.remote("steward/apps-shop") == nil)
            #expect(fixture.forge.pullRequests.map(\.head) == ["steward/apps-payments"])

            let second = try await fixture.run()
            #expect(second.outcomes.map(\.action) == [.unchanged, .waiting])

            // A reviewer closes the payments pull request without merging: Steward does not reopen
            // it, and the freed place goes to the shop.
            fixture.forge.setState(.closed, of: 1)
            let third = try await fixture.run()
            #expect(third.outcomes.map(\.action) == [.declined, .opened])
            #expect(
                third.outcomes[0].detail
                    == "steward/apps-payments holds exactly what Steward would build but has no open pull request: a "
                    + "reviewer closed it, so Steward leaves it (delete the branch to have the change proposed again)"
            )
            #expect(fixture.forge.pullRequests.map(\.head) == ["steward/apps-payments", "steward/apps-shop"])
            #expect(fixture.forge.pullRequests.map(\.state) == [.closed, .open])
        }
    }

    @Test func outsideThePolicysScheduleARunOnlyPlans() async throws {
        let schedule =
            "  schedule:\n    timeZone: UTC\n    windows:\n      - days: Mon-Thu\n        hours: \"09:00-17:00\"\n"
        try await RunFixture.with(policy: Self.policy(schedule)) { fixture in
            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            #expect(
                report.mode
                    == .planned(
                        reason:
                            "outside the policy's schedule (Mon-Thu 09:00-17:00 (UTC)), so nothing is published"
                    ))
            #expect(report.outcomes.isEmpty)
            #expect(
                report.planText?.contains(
                    "Schedule Mon-Thu 09:00-17:00 (UTC): closed now, so `run` would only plan") == true)
            #expect(
                report.planText?.contains("+              cpu: 180m      # sized for Black Friday\n")
                    == true)
            #expect(report.summaryLine.contains("\"mode\":\"planned\""))
            #expect(fixture.pushes == 0)
            #expect(fixture.forge.requests.isEmpty)
        }
    }

    @Test func aDryRunDecidesEverythingAndWritesNothing() async throws {
        try await RunFixture.with { fixture in
            let report = try await fixture.run(dryRun: true)
            #expect(report.exitStatus == .success)
            #expect(report.mode == .dryRun)
            #expect(report.outcomes.map(\.action) == [.opened, .opened])
            #expect(report.outcomes.map(\.performed) == [false, false])
            #expect(report.outcomes[1].detail == "would push 2 commits and open the pull request")
            #expect(
                report.text.contains(
                    "steward/apps-shop      would open  would push 2 commits and open the pull request\n"))
            #expect(report.text.contains("Dry run: nothing pushed, nothing written to the forge.\n"))
            #expect(fixture.pushes == 0)
            #expect(fixture.forgeWrites == [])
        }
    }

    @Test func withoutAPolicyNothingIsPublishedAndABrokenPolicyFails() async throws {
        try await RunFixture.with { fixture in
            fixture.configuration.policy = "policies/missing.yaml"
            let missing = try await fixture.run()
            #expect(missing.exitStatus == .success)
            #expect(
                missing.mode
                    == .planned(
                        reason:
                            "policies/missing.yaml does not exist, so every proposal is rejected (default deny)"
                    ))
            #expect(fixture.pushes == 0)
        }
        try await RunFixture.with(
            policy: "apiVersion: steward.dev/v1\nkind: Policy\nmetadata: {name: x}\nspec: {rules: 3}\n"
        ) {
            fixture in
            let broken = try await fixture.run()
            #expect(broken.exitStatus == .failure)
            #expect(
                broken.mode
                    == .planned(reason: "policies/steward.yaml does not load, so every proposal is rejected"))
            #expect(broken.summaryLine.contains("\"exitCode\":1"))
            #expect(
                broken.summaryLine.contains(
                    "\"error\":\"policies/steward.yaml does not load (1 error): every proposal is rejected\"")
            )
            #expect(fixture.pushes == 0)
        }
    }
}
