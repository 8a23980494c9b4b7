import Analysis
import Kubernetes
import Profiles
import Testing

/// Onsets dated at the collection's step: two commits 20 minutes apart, each rolled out, with a
/// crash loop that began between the two rollouts. At 5 minutes the crash loop is dated before the
/// second rollout, so only the first commit is a candidate and its revert is proposed; the same
/// restarts in an older profiles file's hourly series are dated to the hour's end, after both
/// rollouts, and cannot tell the two commits apart.
@Suite struct MinuteOnsetScenarioTests {
    static let hour = Scenario.hour
    static let start = Scenario.windowStart
    static let end = start + 168 * hour
    /// Friday 12:00 UTC of the window's week: the image bump; 20 minutes later, a fix attempt.
    static let bumpTime = start + 4 * Scenario.day + 12 * hour
    static let fixTime = bumpTime + 1200

    static let bump = ManifestCommit(
        id: "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c", time: bumpTime, author: "Dana Ops <dana@example.com>",
        summary: "Bump web to 2.15.0", paths: ["apps/shop/web.yaml"], scope: .workload)
    static let fix = ManifestCommit(
        id: "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", time: fixTime, author: "Dana Ops <dana@example.com>",
        summary: "Raise web's memory limit", paths: ["apps/shop/web.yaml"], scope: .workload)

    /// Two restarts every 10 minutes from 10 minutes after the bump to the window's end.
    static let restartTimes = Array(stride(from: bumpTime + 600, through: end, by: 600))

    /// The crash loop with the given restart series; each commit rolled out 2 minutes after it.
    static func scenario(restarts: Series) -> Scenario {
        var profile = ProfileBuilder.profile(
            cpu: ProfileBuilder.steadyCPU(0.15),
            memory: { hour in (300 + Double(hour % 10)) * Scenario.mebibyte })
        profile.restartSeries = restarts
        profile.rollouts = [
            Rollout(replicaSet: "web-5d8f7c9b4", created: start - 10 * Scenario.day),
            Rollout(replicaSet: "web-7b6c5d4e3", created: bumpTime + 120),
            Rollout(replicaSet: "web-6c5d4e3f2", created: fixTime + 120),
        ]
        var scenario = Scenario(
            resources: [.requestsCPU: "190m", .requestsMemory: "356Mi", .limitsMemory: "356Mi"],
            profile: profile)
        scenario.commits = [bump, fix]
        return scenario
    }

    @Test func aFiveMinuteSeriesBlamesTheCommitBeforeTheCrashLoopAlone() throws {
        // As the collector writes it: the window's ends, and every step with restarts.
        let series = Series(
            step: "5m", values: [[Self.start + 300, 0]] + Self.restartTimes.map { [$0, 2] })
        let analysis = Self.scenario(restarts: series).analyze()
        #expect(analysis.findings.map(\.kind) == [.regressionAfterChange])
        let finding = try #require(analysis.findings.first)
        #expect(finding.id == "regression-after-change/prod/shop/Deployment/web/app#rollout-web-7b6c5d4e3")
        #expect(finding.revert == Self.bump)
        let regression = try #require(finding.evidence.regression)
        #expect(regression.candidates == [Self.bump])
        #expect(regression.anomalies.map(\.onset) == [Self.bumpTime + 600])
        #expect(regression.anomalies.map(\.step) == [300])
        #expect(
            finding.summary
                == "\(2 * Self.restartTimes.count) restarts of app began within 8 min of rollout web-7b6c5d4e3 at "
                + "2026-09-25T12:02:00Z, 2 min after commit 4f1c2d3 \"Bump web to 2.15.0\" by "
                + "Dana Ops <dana@example.com>: revert it")
    }

    @Test func theSameRestartsHourlyCannotTellTheTwoCommitsApart() throws {
        // An older profiles file: the same restarts summed per hour, every hour of the window.
        let series = Series(
            step: "1h",
            values: (1...168).map { index in
                let time = Self.start + Double(index) * Self.hour
                return [time, Double(2 * Self.restartTimes.count { $0 > time - Self.hour && $0 <= time })]
            })
        let analysis = Self.scenario(restarts: series).analyze()
        #expect(analysis.findings.map(\.kind) == [.regressionAfterChange])
        let finding = try #require(analysis.findings.first)
        #expect(finding.revert == nil)
        #expect(finding.evidence.regression?.candidates == [Self.bump, Self.fix])
        #expect(finding.evidence.regression?.anomalies.map(\.onset) == [Self.bumpTime + Self.hour])
    }
}
