import Foundation
import GitStore
import TestSupport
import Testing

/// `steward plan` blames a regression on the commit whose rollout it followed, reading the
/// repository's real Git history, and proposes its revert; the publisher can apply that revert
/// with `Repository.revert`.
@Suite struct RegressionPlanTests {
    static let hour = RegressionPlanFixture.hour
    static let commit = RegressionPlanFixture.breakingCommit

    /// An hourly probe success series, as a profiles file writes it: every probe succeeds until
    /// the breaking commit, none after.
    static var failingFromTheCommit: String {
        let hours = Int((RegressionPlanFixture.windowEnd - RegressionPlanFixture.windowStart) / hour)
        let success = (1...hours).map { hour -> String in
            let time = RegressionPlanFixture.windowStart + Double(hour) * Self.hour
            return "[\(time), \(time <= commit ? 1 : 0)]"
        }
        return "{\"step\": \"1h\", \"values\": [\(success.joined(separator: ", "))]}"
    }

    /// The repository where the breaking commit bumps web's image from 2.14.1 to 2.15.0.
    static func imageBump() throws -> RegressionPlanFixture {
        try RegressionPlanFixture(
            change: [
                "apps/shop/web.yaml": RegressionPlanFixture.web.replacingOccurrences(
                    of: "2.14.1", with: "2.15.0")
            ],
            message: "Bump web to 2.15.0")
    }

    /// web's ReplicaSets: one from the first commit, one two minutes after the image bump.
    static let imageBumpRollouts: [(String, Double)] = [
        ("web-5d8f7c9b4", RegressionPlanFixture.firstCommit + 60), ("web-7b6c5d4e3", commit + 120),
    ]

    @Test func aCrashLoopAfterAnImageBumpProposesItsRevert() throws {
        let fixture = try Self.imageBump()
        // Restarts from the hour after the commit on (the first 10 minutes after it), 4 an hour;
        // the new ReplicaSet was created 2 minutes after the commit.
        let profile = RegressionPlanFixture.profile(
            restarts: { $0 > Self.commit ? 4 : 0 },
            rollouts: Self.imageBumpRollouts)
        let output = try fixture.plan(profile: profile, arguments: ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        #expect(
            findings.map { $0["id"] as? String } == [
                "regression-after-change/prod/shop/Deployment/web/app#rollout-web-7b6c5d4e3"
            ])
        let finding = findings[0]
        #expect(finding["priority"] as? String == "high")
        #expect(finding["changes"] as? [Any] != nil && (finding["changes"] as? [Any])?.isEmpty == true)
        let revert = try #require(finding["revert"] as? [String: Any])
        let commit = try #require(revert["commit"] as? [String: Any])
        #expect(commit["id"] as? String == fixture.culprit)
        #expect(commit["summary"] as? String == "Bump web to 2.15.0")
        #expect(commit["paths"] as? [String] == ["apps/shop/web.yaml"])
        #expect(commit["scope"] as? String == "workload")
        #expect(commit["time"] as? Double == Self.commit)
        let decision = try #require(revert["decision"] as? [String: Any])
        #expect(decision["outcome"] as? String == "allowed")
        #expect(decision["rule"] as? String == "shop")
        #expect(decision["value"] as? String == fixture.culprit)
        let evidence = try #require(finding["evidence"] as? [String: Any])
        let regression = try #require(evidence["regression"] as? [String: Any])
        let anomalies = try #require(regression["anomalies"] as? [[String: Any]])
        // 48 hourly steps after the commit, 4 restarts each; none in the day before.
        #expect(anomalies.first?["before"] as? Double == 0)
        #expect(anomalies.first?["after"] as? Double == 192)
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 1)
        #expect(plan["diff"] as? String == "")

        // The publisher's side: the revert applies on the branch's head and restores the image.
        let repository = try Repository.open(path: fixture.repo)
        let head = try repository.resolve("HEAD")
        let tree = try repository.revert(try #require(ObjectID(hex: fixture.culprit)), onto: head)
        let reverted = try #require(try repository.blob(at: tree.hex, path: "apps/shop/web.yaml"))
        #expect(String(decoding: reverted, as: UTF8.self) == RegressionPlanFixture.web)

        // In text, with `--exit-code`: the revert is a change to propose.
        let text = try fixture.plan(profile: profile, arguments: ["--exit-code"])
        #expect(text.status == 3)
        #expect(
            text.text.contains(
                "    revert \(fixture.culprit.prefix(7)) \"Bump web to 2.15.0\"  allowed (rule shop)\n"))
        #expect(text.text.contains("\n1 revert proposed, 1 allowed\n"))
    }

    @Test func theSameCrashLoopWithoutACommitBeforeItsRolloutIsOnlyReported() throws {
        let fixture = try Self.imageBump()
        // The same restarts, but they began a day after the rollout of the commit.
        let profile = RegressionPlanFixture.profile(
            restarts: { $0 > Self.commit + 86_400 ? 4 : 0 },
            rollouts: Self.imageBumpRollouts)
        let output = try fixture.plan(profile: profile, arguments: ["--exit-code"])
        #expect(output.status == 0)
        #expect(
            output.text.contains(
                """
                shop/Deployment/web
                  container app
                    crash-loop (high): 96 restarts of app began without a rollout or certificate change before it; \
                no commit to the workload's manifests explains it

                """))
        #expect(!output.text.contains("revert"))
    }

    @Test func failingProbesAfterACertificateChangeRevertIt() throws {
        let fixture = try RegressionPlanFixture(
            change: [
                "apps/shop/certificate.yaml": RegressionPlanFixture.certificate.replacingOccurrences(
                    of: "letsencrypt", with: "letsencrypt-staging")
            ],
            message: "Issue the shop certificate from staging")
        let probes = """
            [{"target": "https://shop.example.com/healthz",
              "successSeries": \(Self.failingFromTheCommit),
              "certificates": [
                {"fingerprint": "9f2c4be01d7a", "first": \(RegressionPlanFixture.windowStart + 3600), "last": \(Self.commit)},
                {"fingerprint": "41aa07cc93e5", "first": \(Self.commit + 600), "last": \(RegressionPlanFixture.windowEnd)}]}]
            """
        let profile = RegressionPlanFixture.profile(restarts: { _ in 0 }, rollouts: [])
        let output = try fixture.plan(profile: profile, probes: probes, arguments: ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        let finding = try #require((plan["findings"] as? [[String: Any]])?.first)
        #expect(finding["kind"] as? String == "regression-after-change")
        let commit = try #require((finding["revert"] as? [String: Any])?["commit"] as? [String: Any])
        #expect(commit["id"] as? String == fixture.culprit)
        #expect(commit["scope"] as? String == "tls")
        #expect(commit["paths"] as? [String] == ["apps/shop/certificate.yaml"])
    }

    @Test func failingProbesAfterACommitPointsTheIngressAtAMissingServiceNameIt() throws {
        // The breaking commit renames the Ingress's backend to a Service nobody declares.
        let fixture = try RegressionPlanFixture(
            change: [
                "apps/shop/exposure.yaml": RegressionPlanFixture.exposure.replacingOccurrences(
                    of: "service: {name: web,", with: "service: {name: web-v2,")
            ],
            message: "Route the shop to web-v2")
        let probes = """
            [{"target": "https://shop.example.com/healthz",
              "successSeries": \(Self.failingFromTheCommit)}]
            """
        let profile = RegressionPlanFixture.profile(restarts: { _ in 0 }, rollouts: [])
        let output = try fixture.plan(profile: profile, probes: probes, arguments: ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["probe-failure/prod/shop/Ingress/web/-"])
        let finding = try #require(findings.first)
        #expect(finding["revert"] is NSNull)
        let regression = try #require(
            (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        let candidates = try #require(regression["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["id"] as? String } == [fixture.culprit])
        #expect(candidates.first?["scope"] as? String == "workload")
        #expect(candidates.first?["paths"] as? [String] == ["apps/shop/exposure.yaml"])
        let short = fixture.culprit.prefix(7)
        let summary =
            "failing probes of https://shop.example.com/healthz began after commit \(short) to the Ingress at "
            + "2023-11-17T22:13:20Z; Ingress shop/web routes to Service web-v2, which the repository does not "
            + "declare; candidates: commit \(short) \"Route the shop to web-v2\""
        #expect(finding["summary"] as? String == summary)
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 0)

        let text = try fixture.plan(profile: profile, probes: probes, arguments: ["--exit-code"])
        #expect(text.status == 0)
        #expect(text.text.contains("\nshop/Ingress/web\n  probe-failure (high): \(summary)\n\n"))
    }

    @Test func aRepositoryWithoutHistorySaysItCannotBlame() throws {
        let directory = try TemporaryDirectory("steward-regression-plain")
        try directory.write("repo/apps/shop/web.yaml", RegressionPlanFixture.web)
        try directory.write(
            "profiles.json",
            """
            {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles",
             "window": {"start": \(RegressionPlanFixture.windowStart), "end": \(RegressionPlanFixture.windowEnd)},
             "profiles": [\(RegressionPlanFixture.profile(restarts: { $0 > Self.commit ? 4 : 0 }, rollouts: []))]}
            """)
        let output = try PackagePaths.steward().result(
            ["plan", "--repo", "repo", "--profiles", "profiles.json"], in: directory.url.path)
        #expect(output.status == 0)
        #expect(output.text.contains("\nNotes:\n  repo has no readable Git history ("))
        #expect(output.text.contains("crash-loop (high): 192 restarts of app began without a rollout"))
    }
}
