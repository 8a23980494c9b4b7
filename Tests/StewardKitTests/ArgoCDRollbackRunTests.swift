import ArgoCDFake
import Foundation
import PlanFixtures
import Profiles
import PrometheusSimulator
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// `steward run` with Argo CD: on a real Prometheus (cart crash-loops after its rollout), a real
/// Git remote and the loopback forge, the run rolls the Application back in the loopback Argo CD
/// (dry run first, then for real, then reads the operation until it ends) where the policy
/// allows it, and opens the revert pull request in every case, saying what became of the
/// rollback; every fault ends with one rollback call at most and a failing exit code.
@Suite struct ArgoCDRollbackRunTests {
    static let history = RegressionPrometheusTests.history
    static let change = RegressionPrometheusTests.change
    static let token = "argocd-token-3b9d"
    static let now = Date(timeIntervalSince1970: TimeInterval(history.end))

    static let policy = ArgoCDTimelineTests.rollbackPolicy

    /// What one scenario has: the fixture, Argo CD, the commits before and of the bump.
    struct Scenario {
        var fixture: RunFixture
        var argo: ArgoCDServer
        var first: String
        var bump: String
        var configuration: StewardConfiguration

        func run(dryRun: Bool = false, amending amend: (inout Plan) -> Void = { _ in }) async throws
            -> RunReport
        {
            let runner = Runner(
                RunRequest(configuration: configuration, dryRun: dryRun, now: ArgoCDRollbackRunTests.now))
            return await runner.publish(try await runner.prepare(amending: amend))
        }

        /// The body of the revert's pull request.
        func revertBody(_ report: RunReport) throws -> String {
            let outcome = try #require(
                report.outcomes.first { $0.branch == "steward/revert-\(bump.prefix(7))" })
            #expect(outcome.action == .opened, "\(report.text)")
            let number = try #require(outcome.pullRequest)
            return try #require(fixture.forge.pullRequest(number)).body
        }

        /// The evidence note of the revert commit, parsed.
        func revertNote() throws -> [String: Any] {
            let branch = "steward/revert-\(bump.prefix(7))"
            let commit = try #require(try fixture.commits(on: branch).last)
            let note = try fixture.git.git(["notes", "--ref=steward", "show", commit], in: fixture.bare)
            return try #require(try JSONSerialization.jsonObject(with: Data(note.utf8)) as? [String: Any])
        }
    }

    /// Runs `body` with the scenario: the cart's Application `shop` in the repository and in
    /// Argo CD (syncing itself or not, its rollback going as `rollback` says), the bump pushed at the
    /// change's time and deployed 100 s later.
    static func with(
        operationTimeout: String = "5s", automatedSync: Bool = false,
        rollback: ArgoCDFakeApplication.Rollback = .succeed(afterPolls: 2, health: "Healthy"),
        _ body: (Scenario) async throws -> Void
    ) async throws {
        let prometheus = try await PrometheusServer.start(history: history)
        defer { prometheus.stop() }
        let files = [
            "policies/steward.yaml": policy, "apps/shop/cart.yaml": RegressionPrometheusTests.cart,
            "argocd/shop.yaml": ArgoCDTimelineTests.application("shop"),
        ]
        try await RunFixture.with(
            files: files, profiles: UsageProfiles(window: ShopRepository.window, profiles: [])
        ) {
            fixture in
            let first = try #require(try fixture.git.revision("main", in: fixture.bare))
            try RegressionPlanFixture.commit(
                change: [
                    "apps/shop/cart.yaml": RegressionPrometheusTests.cart.replacingOccurrences(
                        of: "3.1.0", with: "3.2.0")
                ],
                message: "Bump cart to 3.2.0", at: Self.change, in: fixture.work, git: fixture.git)
            try ExternalTool.git.run(
                ["-C", fixture.work, "push", "--quiet", "hub", "main"],
                environment: fixture.git.environment(time: Int(Self.change)))
            let bump = try #require(try fixture.git.revision("main", in: fixture.bare))

            let argo = try await ArgoCDServer.start(token: Self.token)
            let application = ArgoCDFakeApplication(
                name: "shop", automatedSync: automatedSync,
                history: [
                    .init(
                        id: 1, revision: first, deployedAt: Date(timeIntervalSince1970: Self.change - 86_400)),
                    .init(id: 2, revision: bump, deployedAt: Date(timeIntervalSince1970: Self.change + 100)),
                ], rollback: rollback)
            argo.seed(application)
            let tokenFile = try fixture.git.write(
                Self.token + "\n", to: "secrets/argocd-token", permissions: 0o600)
            var configuration = fixture.configuration
            configuration.observe = .prometheus(
                PrometheusSettings(url: prometheus.url, window: "1d", step: "5m", clusterLabel: "cluster"))
            configuration.argoCD = ArgoCDSettings(
                server: argo.origin, tokenFile: tokenFile,
                operationTimeout: try #require(PrometheusDuration(operationTimeout)),
                pollInterval: try #require(PrometheusDuration("10ms")))
            do {
                try await body(
                    Scenario(
                        fixture: fixture, argo: argo, first: first, bump: bump, configuration: configuration))
            } catch {
                try? await argo.stop()
                throw error
            }
            try? await argo.stop()
        }
    }

    @Test func aRegressionIsRolledBackInArgoCDAndTheRevertSaysSo() async throws {
        try await Self.with { scenario in
            let report = try await scenario.run()
            let (first, bump) = (scenario.first.prefix(7), scenario.bump.prefix(7))
            #expect(report.exitStatus == .success, "\(report.text)")
            let rollback = try #require(report.rollbacks.first)
            #expect(report.rollbacks.count == 1)
            #expect(rollback.status == .rolledBack)
            #expect(
                rollback.finding
                    == "regression-after-change/prod/shop/Deployment/cart/app#rollout-cart-w4df2rlhn9")
            #expect(rollback.from.id == 2)
            #expect(rollback.to?.id == 1)
            #expect(rollback.to?.revision == scenario.first)
            #expect(rollback.phase == "Succeeded")
            #expect(rollback.health == "Healthy")
            #expect(
                rollback.detail
                    == "rolled Application shop back from history 2 (\(bump)) to history 1 (\(first)): operation "
                    + "Succeeded, health Healthy")
            // A dry run, then one rollback, then reads until the operation ended.
            let posts = scenario.argo.requests.filter { $0.method == "POST" }
            #expect(
                posts.map(\.body) == [
                    #"{"appNamespace":"argocd","dryRun":true,"id":1,"name":"shop","project":"default","prune":false}"#,
                    #"{"appNamespace":"argocd","dryRun":false,"id":1,"name":"shop","project":"default","prune":false}"#,
                ])
            #expect(scenario.argo.application("shop")?.operationPhase == "Succeeded")
            #expect(scenario.argo.requests.allSatisfy { $0.authorization == "Bearer \(Self.token)" })

            let body = try scenario.revertBody(report)
            let paragraph = try #require(body.firstRange(of: "## Argo CD\n\n").map { body[$0.upperBound...] })
            #expect(
                paragraph.hasPrefix(
                    "Steward already rolled Application `shop` back in Argo CD (\(scenario.argo.origin)), from "
                        + "history 2 (\(bump)) to history 1 (\(first)): the operation Succeeded at 20"),
                "\(body)")
            #expect(
                paragraph.contains(
                    " and the Application is Healthy. It shows OutOfSync until this revert merges; merging it makes "
                        + "Git say what runs.\n\n## Policy\n"))
            #expect(body.contains("| dated by | deployedAt of Argo CD Application shop |"))

            let note = try scenario.revertNote()
            let audit = try #require(note["rollback"] as? [String: Any])
            #expect(audit["finding"] as? String == rollback.finding)
            #expect(audit["status"] as? String == "rolled-back")
            #expect(audit["application"] as? String == "shop")
            #expect((audit["to"] as? [String: Any])?["id"] as? Int == 1)
            #expect(audit["requestedAt"] is String)
            #expect(audit["finishedAt"] is String)
            // The note with its rollback record is what the commit's Steward-Evidence pins.
            let mirror = scenario.fixture.git.path("verify")
            try scenario.fixture.git.git(["clone", "--quiet", "--mirror", scenario.fixture.bare, mirror])
            let branch = "steward/revert-\(bump)"
            let verify = try PackagePaths.steward().result(["verify", "--repo", mirror, "main..\(branch)"])
            #expect(verify.text == "ok: 1 bot commit verified in main..\(branch), 0 human commits ignored\n")
            #expect(report.summaryLine.contains(#""rollbacks":[{"#))
            #expect(report.summaryLine.contains(#""status":"rolled-back""#))
        }
    }

    @Test func anApplicationThatSyncsItselfIsNeverRolledBackAndThePullRequestSaysWhy() async throws {
        try await Self.with(automatedSync: true) { scenario in
            let report = try await scenario.run()
            #expect(report.exitStatus == .success, "\(report.text)")
            #expect(report.rollbacks.map(\.status) == [.notAttempted])
            #expect(scenario.argo.requests.allSatisfy { $0.method == "GET" })
            let body = try scenario.revertBody(report)
            #expect(
                body.contains(
                    "## Argo CD\n\nNo rollback in Argo CD: Application shop syncs automatically "
                        + "(spec.syncPolicy.automated), and Argo CD refuses a rollback then (\"rollback cannot be "
                        + "initiated when auto-sync is enabled\"): the revert pull request is the remedy.\n"),
                "\(body)")
        }
    }

    @Test func aDryRunRollsNothingBack() async throws {
        try await Self.with { scenario in
            let report = try await scenario.run(dryRun: true)
            #expect(report.rollbacks.map(\.status) == [.wouldRollBack])
            #expect(
                report.text.contains(
                    "rollback shop  would-roll-back  would roll back shop to history 1 (\(scenario.first.prefix(7)))\n"
                ))
            #expect(scenario.argo.requests.allSatisfy { $0.method == "GET" })
        }
    }

    @Test func aRefusedRollbackFailsTheRunAndTheRevertStillOpens() async throws {
        try await Self.with { scenario in
            scenario.argo.grant(["get"], on: "shop")
            let report = try await scenario.run()
            #expect(report.exitStatus == .failure)
            let rollback = try #require(report.rollbacks.first)
            #expect(rollback.status == .failed)
            #expect(
                rollback.detail.hasPrefix(
                    "Argo CD refused the dry run of the rollback: Argo CD at \(scenario.argo.origin): permission denied "
                        + "for sync on shop: grant `p, role:steward, applications, sync, default/shop, allow`"
                ))
            #expect(scenario.argo.mutatingRequests.isEmpty)
            let body = try scenario.revertBody(report)
            #expect(body.contains("## Argo CD\n\nThe rollback of Application `shop` in Argo CD"))
            #expect(body.contains(". This revert is the remedy.\n"))
            #expect(report.summaryLine.contains(#""exitCode":1"#))
            #expect(!report.text.contains(Self.token))
        }
    }

    @Test(
        "faults between the plan and the rollback: deletion, a history entry gone, auto-sync, a failing server",
        arguments: ["deleting", "history", "auto-sync", "unavailable"])
    func faultsAfterThePlan(fault: String) async throws {
        try await Self.with { scenario in
            let report = try await scenario.run { _ in
                switch fault {
                case "deleting": scenario.argo.update("shop") { $0.deleting = true }
                case "history": scenario.argo.update("shop") { $0.history.removeFirst() }
                case "auto-sync": scenario.argo.update("shop") { $0.automatedSync = true }
                default: scenario.argo.failNext(100)
                }
            }
            let rollback = try #require(report.rollbacks.first)
            let (status, detail, posts): (RollbackOutcome.Status, String, Int) =
                switch fault {
                case "deleting":
                    (
                        .failed,
                        "refused the call on shop in its current state: application shop is being deleted", 1
                    )
                case "history":
                    (
                        .failed,
                        "refused the request on shop: application shop does not have deployment with id 1", 1
                    )
                case "auto-sync":
                    (
                        .notAttempted,
                        "Application shop turned automated sync on since the plan; no rollback in this run", 0
                    )
                default:
                    (.failed, "cannot read Application shop again before rolling it back: Argo CD at ", 0)
                }
            #expect(rollback.status == status)
            #expect(rollback.detail.contains(detail), "\(rollback.detail)")
            #expect(report.exitStatus == (status == .failed ? .failure : .success))
            #expect(scenario.argo.mutatingRequests.isEmpty)
            #expect(scenario.argo.requests.filter { $0.method == "POST" }.count == posts)
            _ = try scenario.revertBody(report)
        }
    }

    @Test func aRollbackCallThatFailsBeforeArgoCDActsIsNotSentAgain() async throws {
        try await Self.with { scenario in
            scenario.argo.failNextRollback(.beforeActing)
            let report = try await scenario.run()
            #expect(report.exitStatus == .failure)
            let rollback = try #require(report.rollbacks.first)
            #expect(rollback.status == .failed)
            #expect(
                rollback.detail
                    == "Argo CD at \(scenario.argo.origin) answered 503 for POST /api/v1/applications/shop/rollback: "
                    + "connection error: desc = \"transport: error while dialing\"; Argo CD shows no rollback operation "
                    + "since, and the call is not sent again")
            #expect(scenario.argo.mutatingRequests.count == 1)
            #expect(scenario.argo.requests.filter { $0.method == "POST" }.count == 2)
            _ = try scenario.revertBody(report)
        }
    }

    @Test func aRollbackWhoseAnswerIsLostIsFollowedToItsEnd() async throws {
        try await Self.with { scenario in
            scenario.argo.failNextRollback(.afterActing)
            let report = try await scenario.run()
            #expect(report.exitStatus == .success, "\(report.text)")
            let rollback = try #require(report.rollbacks.first)
            #expect(rollback.status == .rolledBack)
            #expect(
                rollback.detail.hasSuffix(
                    "operation Succeeded, health Healthy (the answer to the rollback call was lost: Argo CD at "
                        + "\(scenario.argo.origin) answered 503 for POST /api/v1/applications/shop/rollback: upstream "
                        + "connect error or disconnect/reset before headers)"),
                "\(rollback.detail)")
            #expect(scenario.argo.mutatingRequests.count == 1)
        }
    }

    @Test func anApplicationThatChangedSinceThePlanIsNotRolledBack() async throws {
        try await Self.with { scenario in
            let report = try await scenario.run { _ in
                scenario.argo.update("shop") {
                    $0.history.append(.init(id: 3, revision: scenario.bump, deployedAt: Date()))
                }
            }
            #expect(report.exitStatus == .success, "\(report.text)")
            #expect(report.rollbacks.map(\.status) == [.notAttempted])
            #expect(
                report.rollbacks.first?.detail
                    == "Application shop deployed history 3 since the plan; no rollback in this run")
            #expect(scenario.argo.requests.allSatisfy { $0.method == "GET" })
        }
    }

    @Test func anOperationThatNeverEndsIsGivenUpAfterTheTimeoutWithoutASecondCall() async throws {
        try await Self.with(operationTimeout: "2s", rollback: .neverFinish) { scenario in
            let report = try await scenario.run()
            #expect(report.exitStatus == .failure)
            let rollback = try #require(report.rollbacks.first)
            #expect(rollback.status == .failed)
            #expect(
                rollback.detail
                    == "the rollback of Application shop did not finish within 2s (phase Running); Steward makes "
                    + "no further call: see `argocd app get shop`")
            #expect(scenario.argo.mutatingRequests.count == 1)
            _ = try scenario.revertBody(report)
        }
    }

    @Test func aFailedOperationFailsTheRun() async throws {
        try await Self.with(rollback: .fail(afterPolls: 1, message: "one or more objects failed to apply")) {
            scenario in
            let report = try await scenario.run()
            #expect(report.exitStatus == .failure)
            #expect(
                report.rollbacks.first?.detail
                    == "the rollback operation of Application shop ended Failed: one or more objects failed to apply"
            )
            #expect(scenario.argo.mutatingRequests.count == 1)
        }
    }

    @Test func aRollbackThatLeavesTheApplicationUnhealthyFailsTheRun() async throws {
        try await Self.with(rollback: .succeed(afterPolls: 0, health: "Degraded")) { scenario in
            let report = try await scenario.run()
            #expect(report.exitStatus == .failure)
            #expect(report.rollbacks.map(\.status) == [.rolledBackUnhealthy])
            let body = try scenario.revertBody(report)
            #expect(body.contains("and the Application is still Degraded."))
        }
    }

    @Test func anArgoCDThatCannotBeReadFailsTheRunButTheRevertStillOpens() async throws {
        try await Self.with { scenario in
            // The discard port on loopback, where nothing listens.
            var scenario = scenario
            scenario.configuration.argoCD?.server = "http://127.0.0.1:9"
            let report = try await scenario.run()
            #expect(report.exitStatus == .failure)
            #expect(report.rollbacks.isEmpty)
            #expect(report.argoCDUnavailable.count == 1)
            #expect(
                report.text.contains(
                    "error: Argo CD at http://127.0.0.1:9 is unreachable for GET /api/v1/applications/shop: "
                ))
            #expect(
                report.text.contains(
                    ": the commits deployed by shop are dated by commit time, and no rollback is proposed for it\n"
                ))
            let body = try scenario.revertBody(report)
            #expect(!body.contains("## Argo CD"))
            #expect(body.contains("| dated by | commit time |"))
        }
    }

    @Test func aSecondRunDoesNotRollBackAgain() async throws {
        try await Self.with { scenario in
            _ = try await scenario.run()
            let again = try await scenario.run()
            #expect(again.rollbacks.map(\.status) == [.notAttempted])
            #expect(
                again.rollbacks.first?.detail
                    == "Application shop runs history 3 (\(scenario.first.prefix(7))), which does not contain "
                    + "\(scenario.bump.prefix(7)): already rolled back or moved on")
            #expect(scenario.argo.mutatingRequests.count == 1)
        }
    }
}
