import Analysis
import Kubernetes
import Profiles
import PropertyBased
import Testing

/// The replay check: the memory a container used in the window, replayed against the memory
/// limit Steward leaves in force, causes no OOM kill. For every scenario of the suite, and for
/// random histories.
@Suite struct ReplayTests {
    static let mebibyte = Scenario.mebibyte

    static let scenarios: [(String, Scenario)] = [
        ("steady over-provisioned", RightsizingScenarioTests.overProvisioned()),
        ("daily cycle", RightsizingScenarioTests.dailyCycle().scenario),
        ("OOM-killed", DetectorScenarioTests.oomKilled()),
        ("leak", DetectorScenarioTests.leaking()),
        ("throttled", DetectorScenarioTests.throttled()),
        ("crash loop after a commit", RegressionScenarioTests.crashLooping()),
        ("crash loop with no commit nearby", RegressionScenarioTests.crashLoopingWithoutACommitNearby()),
        ("crash loop after two candidate commits", RegressionScenarioTests.crashLoopingAfterTwoCommits()),
        ("leak beyond the horizon", DetectorScenarioTests.leakingBeyondTheHorizon()),
        ("gaps in the samples", RightsizingScenarioTests.withACoverageGap()),
        (
            "gaps in the samples of a CronJob",
            {
                var scenario = RightsizingScenarioTests.withACoverageGap()
                scenario.workload.kind = "CronJob"
                return scenario
            }()
        ),
        ("probes failing after a TLS change", RegressionScenarioTests.failingProbe()),
        (
            "HPA on CPU",
            {
                var scenario = RightsizingScenarioTests.overProvisioned()
                scenario.autoscaler = HorizontalScaling(name: "web", utilization: ["cpu": 70])
                return scenario
            }()
        ),
        (
            "within the hysteresis band",
            {
                var scenario = RightsizingScenarioTests.overProvisioned()
                scenario.resources = [.requestsCPU: "180m", .requestsMemory: "372Mi", .limitsMemory: "372Mi"]
                return scenario
            }()
        ),
        (
            "two hours of history",
            {
                var scenario = RightsizingScenarioTests.overProvisioned()
                scenario.profile = ProfileBuilder.profile(
                    cpu: ProfileBuilder.steadyCPU(0.15, samples: 24), hours: 2,
                    start: Scenario.windowEnd - 7200,
                    memory: { _ in 300 * mebibyte })
                return scenario
            }()
        ),
    ]

    @Test(arguments: scenarios.map(\.0))
    func theRecommendedLimitReplaysWithoutOOMKills(name: String) throws {
        let scenario = try #require(Self.scenarios.first { $0.0 == name }?.1)
        let limit = try #require(Self.limitInForce(scenario))
        let replay = MemoryReplay.replay(scenario.profile, limit: limit.value)
        #expect(
            replay.wouldBeOOMKills == 0,
            "\(name): \(limit.text) against a peak of \(scenario.profile.memory!.max)")
        #expect(replay.points > 0)
    }

    @Test func theCurrentLimitOfTheOOMKilledContainerDoesNot() throws {
        // The check can fail: the limit the container was killed at replays to its two kills.
        let scenario = DetectorScenarioTests.oomKilled()
        #expect(MemoryReplay.replay(scenario.profile, limit: 512 * Self.mebibyte).wouldBeOOMKills == 2)
        // And a limit under the peak replays to every point above it.
        #expect(MemoryReplay.replay(scenario.profile, limit: 500 * Self.mebibyte).wouldBeOOMKills == 2 + 12)
    }

    /// Random week-long histories (steady, leaking, saw-toothed by restarts, or spiking once),
    /// with or without OOM kills at a limit and whatever limit Git holds: every memory limit
    /// Steward proposes is above the peak of every instance, above the limit at any kill, and
    /// replays without an OOM kill.
    @Test func everyProposedLimitReplaysWithoutOOMKills() async {
        await propertyCheck(
            count: 1500, input: Gen.int(in: 20...4000), Gen.int(in: 0...3), Gen.int(in: 0...40),
            Gen.int(in: -1...6000), Gen.int(in: 0...3), Gen.int(in: 2...336), Gen.int(in: -1...6000)
        ) { base, pattern, growth, gitLimit, kills, hours, killLimit in
            var scenario = Self.randomScenario(
                base: base, pattern: pattern, growth: growth, hours: hours, kills: kills, killLimit: killLimit
            )
            scenario.resources = gitLimit < 0 ? [:] : [.limitsMemory: "\(gitLimit)Mi"]
            let context =
                "base \(base) pattern \(pattern) growth \(growth) git \(gitLimit) kills \(kills) at \(killLimit) over \(hours) h"
            for finding in scenario.analyze().findings {
                for proposal in finding.proposals where proposal.field == .limitsMemory {
                    guard let limit = proposal.to else {
                        Issue.record("\(context): a memory limit was removed")
                        continue
                    }
                    #expect(limit.value > scenario.profile.memory!.max, "\(context): \(limit.text)")
                    if kills > 0, let level = scenario.profile.oomKillLimit {
                        #expect(limit.value > level, "\(context): \(limit.text)")
                    }
                    let replay = MemoryReplay.replay(
                        scenario.profile, limit: limit.value, oomKillLevel: finding.evidence.oomKillLimit)
                    #expect(replay.wouldBeOOMKills == 0, "\(context): \(finding.id) \(limit.text)")
                }
            }
        }
    }

    /// The memory limit after the plan: the proposed one, else the one in Git.
    static func limitInForce(_ scenario: Scenario) -> Quantity? {
        let proposed = scenario.analyze().findings.flatMap(\.proposals).first { $0.field == .limitsMemory }
        return proposed?.to ?? scenario.spec.resources[.limitsMemory]
    }

    static func randomScenario(base: Int, pattern: Int, growth: Int, hours: Int, kills: Int, killLimit: Int)
        -> Scenario
    {
        let memory: (Int) -> Double = { hour in
            let value: Double
            switch pattern {
            case 0: value = Double(base + hour % 7)
            case 1: value = Double(base) + Double(growth * hour) / 4
            case 2: value = Double(base) + Double(growth * (hour % 24))
            default: value = hour == hours / 2 ? Double(base * 3) : Double(base)
            }
            return value * mebibyte
        }
        var profile = ProfileBuilder.profile(
            cpu: ProfileBuilder.steadyCPU(0.1), hours: hours,
            start: Scenario.windowEnd - Double(hours) * 3600,
            memory: memory)
        profile.oomKills = kills
        if kills > 0 && killLimit >= 0 {
            profile.oomKillLimit = Double(killLimit) * mebibyte
        }
        return Scenario(resources: [:], profile: profile)
    }
}
