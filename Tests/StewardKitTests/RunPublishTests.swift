import Foundation
import GitStore
import PlanFixtures
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// `steward run` end to end: a real Git remote (`git http-backend` over loopback HTTP), the
/// loopback GitHub, signed commits checked by stock git and by `steward verify`.
@Suite struct RunPublishTests {
    @Test func theFirstRunOpensOnePullRequestPerGroupWithVerifiedCommits() async throws {
        try await RunFixture.with { fixture in
            let report = try await fixture.run()

            #expect(report.exitStatus == .success)
            #expect(report.mode == .published)
            #expect(report.findings == 3)
            #expect(report.changes == 9)
            #expect(report.outcomes.map(\.branch) == ["steward/apps-payments", "steward/apps-shop"])
            #expect(report.outcomes.map(\.action) == [.opened, .opened])
            #expect(report.outcomes.map(\.pullRequest) == [1, 2])
            #expect(report.outcomes.map(\.commits.count) == [1, 2])

            let pullRequests = fixture.forge.pullRequests
            #expect(pullRequests.map(\.head) == ["steward/apps-payments", "steward/apps-shop"])
            #expect(pullRequests.map(\.base) == ["main", "main"])
            #expect(pullRequests.map(\.labels) == [["steward"], ["steward"]])
            #expect(
                pullRequests.map(\.title) == [
                    "steward: right-size payments/api container api (cpu 200m→175m, memory request 256Mi→198Mi, "
                        + "memory limit 512Mi→198Mi)",
                    "steward: right-size 2 containers in target apps/shop",
                ])
            let shop = pullRequests[1].body
            #expect(
                shop.hasPrefix(
                    "Steward proposes 6 changes to 2 containers in target apps/shop, sized from what "
                        + "cluster `prod` used over the last 7 days (2026-11-20 to 2026-11-27 UTC).\n"))
            #expect(
                shop.contains(
                    "| shop/Deployment/web | app | cpu request | 500m | **180m** | allowed (rule apps) |\n"))
            #expect(
                shop.contains(
                    "| shop/Deployment/cart | app | memory limit | unset | **286Mi** | allowed (rule apps) |\n"
                ))
            #expect(shop.contains("```mermaid\nxychart-beta\n    title \"shop/web app: memory (MiB)\"\n"))

            // Each commit changes one container, exactly as the policy allows, in the manifests' own bytes.
            let shopCommits = try fixture.commits(on: "steward/apps-shop")
            #expect(
                try fixture.git.git(["show", "--format=%s", "--stat=200", shopCommits[0]], in: fixture.bare)
                    .hasPrefix(
                        "steward: right-size shop/cart container app (cpu 300m→115m, memory request 512Mi→286Mi, "
                            + "memory limit unset→286Mi)\n"))
            #expect(
                try fixture.git.git(["show", "steward/apps-shop:apps/shop/web.yaml"], in: fixture.bare)
                    == ShopRepository.web.replacingOccurrences(of: "cpu: 500m ", with: "cpu: 180m ")
                    .replacingOccurrences(of: "\"1Gi\"", with: "\"384Mi\"").dropLast())

            // Stock git accepts every signature, and steward verify passes on every branch.
            let checkout = fixture.git.path("verify")
            try fixture.git.git(["clone", "--quiet", "--mirror", fixture.bare, checkout])
            for branch in ["steward/apps-payments", "steward/apps-shop"] {
                for commit in try fixture.commits(on: branch) {
                    let verified = try fixture.key.verifyCommit(commit, in: checkout)
                    #expect(verified.status == 0)
                    #expect(
                        verified.stderr.contains(
                            "Good \"git\" signature for steward@example.com with ED25519 key"))
                }
                let verify = try PackagePaths.steward().result([
                    "verify", "--repo", checkout, "main..\(branch)",
                ])
                #expect(verify.stderr == "")
                #expect(verify.status == 0)
                let count = try fixture.commits(on: branch).count
                #expect(
                    verify.text
                        == "ok: \(count) bot commit\(count == 1 ? "" : "s") verified in main..\(branch), 0 human commits ignored\n"
                )
            }
        }
    }

    @Test func aSecondRunWithTheSameDataPushesNothingAndLeavesThePullRequestsAlone() async throws {
        try await RunFixture.with { fixture in
            _ = try await fixture.run()
            let tips = try ["steward/apps-payments", "steward/apps-shop"].map { try fixture.remote($0) }
            let pushes = fixture.pushes
            fixture.forge.clearRequests()

            let again = try await fixture.run()
            #expect(again.exitStatus == .success)
            #expect(again.outcomes.map(\.action) == [.unchanged, .unchanged])
            #expect(again.outcomes.map(\.pullRequest) == [1, 2])
            #expect(fixture.pushes == pushes)
            #expect(
                try ["steward/apps-payments", "steward/apps-shop"].map { try fixture.remote($0) } == tips)
            #expect(fixture.forgeWrites == [])
            #expect(again.summaryLine.contains("\"pushed\":0"))
            #expect(again.summaryLine.contains("\"unchanged\":2"))
        }
    }

    @Test func aNewRecommendationUpdatesTheSamePullRequest() async throws {
        try await RunFixture.with { fixture in
            _ = try await fixture.run()
            let before = try fixture.remote("steward/apps-shop")
            fixture.profiles.profiles = ShopRepository.profiles(webMemoryMax: 450_000_000)
            try fixture.writeProfiles()
            fixture.forge.clearRequests()

            let report = try await fixture.run()
            #expect(report.outcomes.map(\.action) == [.unchanged, .updated])
            #expect(report.outcomes[1].pullRequest == 2)
            #expect(fixture.forge.pullRequests.count == 2)
            #expect(try fixture.remote("steward/apps-shop") != before)
            #expect(
                try fixture.git.git(["show", "steward/apps-shop:apps/shop/web.yaml"], in: fixture.bare)
                    .contains(
                        "memory: \"494Mi\""))
            #expect(
                fixture.forge.pullRequest(2)?.body.contains(
                    "| shop/Deployment/web | app | memory limit | 1Gi | **494Mi** |") == true)
            #expect(
                fixture.forgeWrites == [
                    "PATCH /api/v3/repos/acme/deploy/pulls/2",
                    "PUT /api/v3/repos/acme/deploy/issues/2/labels",
                ])
        }
    }

    @Test func aPersonsCommitOnTheBotBranchStopsTheBot() async throws {
        try await RunFixture.with { fixture in
            _ = try await fixture.run()
            let human = try fixture.humanPush(
                to: "steward/apps-shop",
                files: ["apps/shop/cart.yaml": ShopRepository.cart + "# keep cart as is\n"],
                message: "Keep the cart's requests")
            fixture.profiles.profiles = ShopRepository.profiles(webMemoryMax: 450_000_000)
            try fixture.writeProfiles()
            let pushes = fixture.pushes

            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            let shop = try #require(report.outcomes.last)
            #expect(shop.action == .blocked)
            #expect(
                shop.detail
                    == "commit \(human.prefix(7)) (Keep the cart's requests) by Fixture Author is not Steward's: "
                    + "nothing pushed; commented on the pull request")
            #expect(fixture.pushes == pushes)
            #expect(try fixture.remote("steward/apps-shop") == human)
            let pullRequest = try #require(fixture.forge.pullRequest(2))
            #expect(pullRequest.comments.count == 1)
            #expect(
                pullRequest.comments[0].hasPrefix(
                    "Steward stopped updating `steward/apps-shop`: commit \(human.prefix(7))"))
            #expect(pullRequest.labels == ["steward", "steward:human-commit"])

            // It says so once, not every hour.
            let again = try await fixture.run()
            #expect(again.outcomes.last?.action == .blocked)
            #expect(fixture.forge.pullRequest(2)?.comments.count == 1)
            #expect(try fixture.remote("steward/apps-shop") == human)
        }
    }

    @Test func aStaleLeaseIsRefusedAndReported() async throws {
        try await RunFixture.with { fixture in
            let runner = Runner(RunRequest(configuration: fixture.configuration, now: ShopRepository.now))
            let prepared = try await runner.prepare()
            #expect(prepared.plannedOutcomes.map(\.action) == [.opened, .opened])

            // Between Steward's fetch and its push, someone else creates the branch.
            try fixture.git.git(
                ["push", "--quiet", "hub", "main:refs/heads/steward/apps-shop"], in: fixture.work)
            let theirs = try fixture.humanPush(
                to: "steward/apps-shop", files: ["README.md": "# deploy, by hand\n"], message: "Mine")

            let report = await runner.publish(prepared)
            #expect(report.exitStatus == .failure)
            #expect(report.outcomes.map(\.action) == [.opened, .failed])
            let failed = report.outcomes[1]
            #expect(failed.performed == false)
            #expect(
                failed.detail
                    == "someone pushed to steward/apps-shop after Steward fetched it, so nothing was pushed "
                    + "(refs/heads/steward/apps-shop on the remote is at \(theirs), not the expected nothing (absent); "
                    + "nothing was pushed); the next run starts from what is there")
            #expect(try fixture.remote("steward/apps-shop") == theirs)
            #expect(fixture.forge.pullRequests.map(\.head) == ["steward/apps-payments"])
            #expect(report.summaryLine.contains("\"exitCode\":1"))
            #expect(report.summaryLine.contains("\"failed\":1"))
        }
    }

    @Test func aFindingThatDisappearsClosesItsPullRequestAndDeletesTheBranch() async throws {
        try await RunFixture.with { fixture in
            _ = try await fixture.run()
            // The shop's usage is no longer observed: no finding for it.
            fixture.profiles.profiles.removeAll { $0.namespace == "shop" }
            try fixture.writeProfiles()

            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            #expect(report.outcomes.map(\.action) == [.unchanged, .closed])
            #expect(
                report.outcomes[1].detail == "no finding left: closed the pull request and deleted the branch"
            )
            let pullRequest = try #require(fixture.forge.pullRequest(2))
            #expect(pullRequest.state == .closed)
            #expect(pullRequest.comments.count == 1)
            #expect(
                pullRequest.comments[0].hasPrefix(
                    "The findings behind this pull request are gone: on `main` at ")
            )
            #expect(try fixture.remote("steward/apps-shop") == nil)
            #expect(try fixture.remote("steward/apps-payments") != nil)
        }
    }

    @Test func afterAMergeTheNextRunDoesNotRecreateTheBranch() async throws {
        try await RunFixture.with { fixture in
            _ = try await fixture.run()
            // A reviewer merges the shop's pull request (fast-forward); the forge keeps the branch.
            try fixture.git.git(
                ["update-ref", "refs/heads/main", "refs/heads/steward/apps-shop"], in: fixture.bare)
            fixture.forge.setState(.merged, of: 2)
            let pushes = fixture.pushes

            let report = try await fixture.run()
            #expect(report.findings == 1)
            #expect(report.outcomes.map(\.branch) == ["steward/apps-payments", "steward/apps-shop"])
            #expect(report.outcomes.map(\.action) == [.updated, .closed])
            #expect(report.outcomes[1].detail == "no finding left and deleted the branch")
            #expect(try fixture.remote("steward/apps-shop") == nil)
            #expect(fixture.forge.pullRequests.count == 2)

            let third = try await fixture.run()
            #expect(third.outcomes.map(\.action) == [.unchanged])
            #expect(try fixture.remote("steward/apps-shop") == nil)
            #expect(fixture.forge.pullRequests.count == 2)
            #expect(fixture.pushes == pushes + 3)
        }
    }

    @Test func aRepositorysOwnTemplateReplacesTheBundledOneAndABrokenOneStopsTheRun() async throws {
        try await RunFixture.with { fixture in
            try fixture.git.commit(
                in: fixture.work,
                files: [
                    ".steward/pull-request.md.mustache":
                        "{{% CONTENT_TYPE: TEXT }}\nPlease review {{summary}} ({{branch}} into {{base}}):\n"
                        + "{{#changes}}\n- {{workload}} {{field}}: {{current}} -> {{proposed}}\n{{/changes}}\n"
                ],
                message: "Use our own pull-request text")
            try fixture.git.git(["push", "--quiet", "hub", "main"], in: fixture.work)
            let report = try await fixture.run()
            #expect(report.outcomes.map(\.action) == [.opened, .opened])
            #expect(
                fixture.forge.pullRequest(1)?.body
                    == "Please review 3 changes to 1 container (steward/apps-payments into main):\n"
                    + "- payments/Deployment/api cpu request: 200m -> 175m\n"
                    + "- payments/Deployment/api memory request: 256Mi -> 198Mi\n"
                    + "- payments/Deployment/api memory limit: 512Mi -> 198Mi\n")

            try fixture.git.commit(
                in: fixture.work, files: [".steward/pull-request.md.mustache": "{{#changes}}\n{{field}}\n"],
                message: "Break the template")
            try fixture.git.git(["push", "--quiet", "hub", "main"], in: fixture.work)
            let pushes = fixture.pushes
            let error = await #expect(throws: StewardError.self) { try await fixture.run() }
            #expect(
                error?.message
                    == ".steward/pull-request.md.mustache:3:1: the pull-request template does not parse: a section is "
                    + "not closed (a {{/name}} is missing)\n\n^")
            #expect(fixture.pushes == pushes)
        }
    }
}
