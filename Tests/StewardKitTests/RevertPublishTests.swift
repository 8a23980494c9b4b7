import Foundation
import GitStore
import Kubernetes
import PlanFixtures
import Policy
import Signing
import StewardKit
import StewardPlanner
import StewardVerify
import TestSupport
import Testing

/// A revert proposal becomes `steward/revert-<short id>`: one signed commit whose tree is what
/// stock `git revert` makes, with its evidence, which `steward verify` accepts; a revert the policy
/// does not allow, or one that changes more than the revert, fails verification.
@Suite struct RevertPublishTests {
    static let policy = ShopRepository.policy.replacingOccurrences(
        of: "actions: [rightsize]", with: "actions: [rightsize, revert]")

    /// A person bumps the web image on main; the analysis blames that commit.
    static func blame(_ fixture: RunFixture) throws -> String {
        let bump = try fixture.git.commit(
            in: fixture.work,
            files: [
                "apps/shop/web.yaml": ShopRepository.web.replacingOccurrences(of: "web:1.0", with: "web:2.0")
            ],
            message: "Bump web to 2.0")
        try fixture.git.git(["push", "--quiet", "hub", "main"], in: fixture.work)
        return bump
    }

    static func proposal(_ commit: String, policy: String) throws -> RevertProposal {
        let web = WorkloadReference(cluster: "prod", namespace: "shop", kind: "Deployment", name: "web")
        let loaded = try Policy(bytes: Array(policy.utf8), path: "policies/steward.yaml")
        return RevertProposal(
            workload: web, container: "app", commit: commit,
            reason: "OOM kills began 12 minutes after this commit was synced (none in the 7 days before).",
            evidence: ["oomKills after": "4", "oomKills before": "0", "synced": "2026-11-26T14:02:00Z"],
            decision: loaded.evaluateRevert(of: PolicySubject(workload: web)))
    }

    @Test func aRevertProposalBecomesASignedRevertBranchThatVerifies() async throws {
        try await RunFixture.with(policy: Self.policy) { fixture in
            let bump = try Self.blame(fixture)
            let revert = try Self.proposal(bump, policy: Self.policy)
            #expect(revert.decision == .allowed(nil, rule: "apps"))
            let runner = Runner(RunRequest(configuration: fixture.configuration, now: ShopRepository.now))
            let prepared = try await runner.prepare { $0.reverts = [revert] }
            let report = await runner.publish(prepared)
            let branch = "steward/revert-\(bump.prefix(7))"
            #expect(report.exitStatus == .success)
            #expect(report.outcomes.map(\.branch) == ["steward/apps-payments", "steward/apps-shop", branch])
            #expect(report.outcomes.map(\.action) == [.opened, .opened, .opened])
            #expect(report.findings == 4)

            // One commit, whose tree is exactly what stock git revert makes of main.
            let commits = try fixture.commits(on: branch)
            #expect(commits.count == 1)
            try fixture.git.git(
                ["fetch", "--quiet", "hub", "+refs/heads/*:refs/remotes/hub/*"], in: fixture.work)
            try fixture.git.git(["revert", "--no-edit", bump], in: fixture.work)
            #expect(
                try fixture.git.git(["rev-parse", "HEAD^{tree}"], in: fixture.work)
                    == (try fixture.git.git(["rev-parse", "\(commits[0])^{tree}"], in: fixture.bare)))
            let message = try fixture.git.git(["log", "-1", "--format=%B", commits[0]], in: fixture.bare)
            #expect(
                message.hasPrefix(
                    "steward: revert \(bump.prefix(7)) \"Bump web to 2.0\"\n\nThis reverts commit \(bump).\n")
            )
            #expect(
                message.contains("Steward-Finding: regression-after-change/prod/shop/Deployment/web/app\n"))
            #expect(message.contains("Steward-Policy: apps (policies/steward.yaml@"))

            // Stock git and steward verify accept it.
            let mirror = fixture.git.path("verify")
            try fixture.git.git(["clone", "--quiet", "--mirror", fixture.bare, mirror])
            #expect(try fixture.key.verifyCommit(commits[0], in: mirror).status == 0)
            let verify = try PackagePaths.steward().result(["verify", "--repo", mirror, "main..\(branch)"])
            #expect(verify.text == "ok: 1 bot commit verified in main..\(branch), 0 human commits ignored\n")
            #expect(verify.status == 0)

            let pullRequest = try #require(fixture.forge.pullRequests.first { $0.head == branch })
            #expect(pullRequest.title == "steward: revert \(bump.prefix(7)) \"Bump web to 2.0\"")
            #expect(
                pullRequest.body.hasPrefix(
                    "Steward proposes reverting \(bump.prefix(7)) because shop/Deployment/web container `app` "
                        + "regressed right after it: OOM kills began 12 minutes after this commit was synced "
                        + "(none in the 7 days before).\n"))
            #expect(pullRequest.body.contains("| oomKills after | 4 |\n"))

            // The next run finds the branch as it would build it.
            let again = await runner.publish(try await runner.prepare { $0.reverts = [revert] })
            #expect(again.outcomes.map(\.action) == [.unchanged, .unchanged, .unchanged])
        }
    }

    @Test func verifyRefusesARevertThePolicyDoesNotAllowOrThatChangesMore() throws {
        let fixture = try BotRepositoryFixture()
        let bump = try fixture.git.commit(
            in: fixture.path,
            files: [
                "apps/web.yaml": BotRepositoryFixture.manifest.replacingOccurrences(
                    of: "web:1.0", with: "web:1.1")
            ],
            message: "Bump web to 1.1")
        let policyBlob = try fixture.git.git(["rev-parse", "main:policies/steward.yaml"], in: fixture.path)
        let message = { (extra: String) in
            BotCommitMessage(
                subject: "steward: revert \(bump.prefix(7)) \"Bump web to 1.1\"",
                body: "This reverts commit \(bump).\n\(extra)",
                finding: "regression-after-change/prod/shop/Deployment/web/app",
                evidence: Digest.sha256(BotRepositoryFixture.evidence), policyRule: "shop-requests",
                policyPath: "policies/steward.yaml", policyBlob: policyBlob, run: "run-1"
            ).text
        }
        let exact = try fixture.botCommit(
            branch: "steward/revert", replacing: [("web:1.1", "web:1.0")], key: fixture.bot,
            message: message(""))
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/revert"])
        #expect(output.status == 1)
        #expect(
            output.text
                == "\(exact.short) steward: revert \(bump.prefix(7)) \"Bump web to 1.1\": the policy at the parent does "
                + "not allow this revert: rejected: the rule does not allow the action revert (rule shop-requests)\n"
        )

        let more = try fixture.botCommit(
            branch: "steward/more", replacing: [("web:1.1", "web:1.0"), ("cpu: 500m", "cpu: 400m")],
            key: fixture.bot, message: message(""))
        let changed = try fixture.steward(["verify", "--repo", "repo", "main..steward/more"])
        #expect(
            changed.text.hasPrefix(
                "\(more.short) steward: revert \(bump.prefix(7)) \"Bump web to 1.1\": the tree is not the revert of "
                    + "\(bump.prefix(7)) onto the parent \(bump.prefix(7)): it changes something `git revert` would not\n"
            ))

        let unnamed = try fixture.botCommit(
            branch: "steward/unnamed", replacing: [("web:1.1", "web:1.0")], key: fixture.bot,
            message: message("").replacingOccurrences(
                of: "This reverts commit \(bump).", with: "Undo the bump."))
        let missing = try fixture.steward(["verify", "--repo", "repo", "main..steward/unnamed"])
        #expect(
            missing.text.hasPrefix(
                "\(unnamed.short) steward: revert \(bump.prefix(7)) \"Bump web to 1.1\": a revert commit names the "
                    + "commit it reverts as `This reverts commit <40-digit id>.`\n"))
    }
}
