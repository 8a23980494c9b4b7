import Foundation
import PlanFixtures
import Profiles
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// `spec.limits.maxChangesPerPullRequest` counts per pull request, as the run groups findings:
/// with two targets, each target's pull request gets its own three changes.
@Suite struct ChangesPerPullRequestTests {
    /// The run fixture's policy with at most 3 changes per pull request: one container's worth.
    static let policy = ShopRepository.policy.replacingOccurrences(
        of: "maxOpenPullRequests: 5\n", with: "maxOpenPullRequests: 5\n    maxChangesPerPullRequest: 3\n")

    /// The run fixture's repository as a folder (targets `apps/payments` and `apps/shop`) and its
    /// profiles, for `steward plan`.
    static func planDirectory() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory("steward-limit")
        try directory.write("repo/policies/steward.yaml", policy)
        try directory.write("repo/apps/shop/web.yaml", ShopRepository.web)
        try directory.write("repo/apps/shop/cart.yaml", ShopRepository.cart)
        try directory.write("repo/apps/payments/api.yaml", ShopRepository.api)
        let profiles = UsageProfiles(
            window: ShopRepository.window, profiles: ShopRepository.profiles(webMemoryMax: 350_119_526))
        try profiles.encoded().write(to: directory.path("profiles.json"))
        return directory
    }

    /// The finding lines of `steward plan`'s text, without the diff.
    static func report(_ output: ExternalToolOutput) -> String {
        output.text.components(separatedBy: "\ndiff --git").first ?? ""
    }

    @Test func planAdmitsEachTargetsFirstFindingAndTheRepositoryOnlyOne() throws {
        let directory = try Self.planDirectory()
        let steward = try PackagePaths.steward()
        let arguments = ["plan", "--repo", "repo", "--profiles", "profiles.json", "--cluster", "prod"]

        // By target (the default): payments/api fills the apps/payments pull request, shop/cart
        // the apps/shop one, and shop/web, a fourth to sixth change for apps/shop, waits.
        let byTarget = try steward.result(arguments, in: directory.url.path)
        #expect(byTarget.stderr == "")
        #expect(byTarget.status == 0)
        let waiting =
            "rejected: over the limit of 3 changes per pull request for target apps/shop "
            + "(spec.limits.maxChangesPerPullRequest); it waits for a later run"
        #expect(
            Self.report(byTarget) == """
                Plan for repo (cluster prod, window 7 days)

                payments/Deployment/api  (apps/payments/api.yaml)
                  container api
                    cpu request     200m  -> 175m   (p95 0.15 cores)   allowed (rule apps)
                    memory request  256Mi -> 198Mi  (max 171.661 MiB)  allowed (rule apps)
                    memory limit    512Mi -> 198Mi  (max 171.661 MiB)  allowed (rule apps)

                shop/Deployment/cart  (apps/shop/cart.yaml)
                  container app
                    cpu request     300m  -> 115m   (p95 0.1 cores)    allowed (rule apps)
                    memory request  512Mi -> 286Mi  (max 247.955 MiB)  allowed (rule apps)
                    memory limit    unset -> 286Mi  (max 247.955 MiB)  allowed (rule apps)

                shop/Deployment/web  (apps/shop/web.yaml)
                  container app
                    cpu request     500m  -> 180m   (p95 0.156 cores)  \(waiting)
                    memory request  1Gi   -> 384Mi  (max 333.9 MiB)    \(waiting)
                    memory limit    1Gi   -> 384Mi  (max 333.9 MiB)    \(waiting)

                Policy policies/steward.yaml (fixture): 6 allowed, 0 clamped, 3 rejected
                6 changes in 2 files, 0 containers already right-sized, 0 skipped
                Requests (× replicas): CPU 1 -> 0.79 cores (-0.21, -21 %), memory 1.75 GiB -> 1.473 GiB (-284 MiB, -15.8 %)

                """)
        #expect(byTarget.text.contains("diff --git a/apps/shop/cart.yaml b/apps/shop/cart.yaml\n"))
        #expect(!byTarget.text.contains("diff --git a/apps/shop/web.yaml"))

        // One pull request for everything: only payments/api fits, as the limit used to apply.
        let all = try steward.result(arguments + ["--group-by", "all"], in: directory.url.path)
        #expect(all.stderr == "")
        #expect(all.status == 0)
        let rejected = Self.report(all).components(separatedBy: "\n").filter { $0.contains("rejected:") }
        #expect(rejected.count == 6)
        #expect(
            rejected.allSatisfy {
                $0.hasSuffix(
                    "rejected: over the limit of 3 changes per pull request for the repository "
                        + "(spec.limits.maxChangesPerPullRequest); it waits for a later run")
            })
        #expect(all.text.contains("diff --git a/apps/payments/api.yaml b/apps/payments/api.yaml\n"))
        #expect(!all.text.contains("diff --git a/apps/shop/"))

        let unknown = try steward.result(arguments + ["--group-by", "team"], in: directory.url.path)
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.hasPrefix(
                "steward: error: The value 'team' is invalid for '--group-by <grouping>'. Please provide one of "
                    + "'target', 'namespace', 'workload' or 'all'."))
    }

    @Test func aRunOpensOnePullRequestPerTargetEachWithinTheLimit() async throws {
        try await RunFixture.with(policy: Self.policy) { fixture in
            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            #expect(report.findings == 2)
            #expect(report.changes == 6)
            #expect(report.rejected == 3)
            #expect(report.outcomes.map(\.branch) == ["steward/apps-payments", "steward/apps-shop"])
            #expect(report.outcomes.map(\.action) == [.opened, .opened])
            #expect(
                fixture.forge.pullRequests.map(\.title) == [
                    "steward: right-size payments/api container api (cpu 200m→175m, memory request 256Mi→198Mi, "
                        + "memory limit 512Mi→198Mi)",
                    "steward: right-size shop/cart container app (cpu 300m→115m, memory request 512Mi→286Mi, "
                        + "memory limit unset→286Mi)",
                ])
            let shop = try fixture.commits(on: "steward/apps-shop")
            #expect(shop.count == 1)
            #expect(
                try fixture.git.git(["diff", "--name-only", "main", "steward/apps-shop"], in: fixture.bare)
                    == "apps/shop/cart.yaml")
            #expect(try fixture.commits(on: "steward/apps-payments").count == 1)
            // The apps/shop pull request says what waits, and why.
            let waiting =
                "over the limit of 3 changes per pull request for target apps/shop "
                + "(spec.limits.maxChangesPerPullRequest); it waits for a later run"
            let listed = fixture.forge.pullRequests[1].body.components(separatedBy: "\n").filter {
                $0.hasPrefix("- shop/Deployment/web")
            }
            #expect(
                listed == [
                    "- shop/Deployment/web `app` cpu request 500m → 180m: rejected: \(waiting)",
                    "- shop/Deployment/web `app` memory request 1Gi → 384Mi: rejected: \(waiting)",
                    "- shop/Deployment/web `app` memory limit 1Gi → 384Mi: rejected: \(waiting)",
                ])
            #expect(!fixture.forge.pullRequests[0].body.contains("Not proposed"))
        }
    }
}
