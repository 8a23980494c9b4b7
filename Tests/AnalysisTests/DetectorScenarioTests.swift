import Analysis
import Kubernetes
import Profiles
import Testing

/// The detector scenarios of the issue: OOM kills, a leak, throttling, built from profiles.
@Suite struct DetectorScenarioTests {
    static let mebibyte = Scenario.mebibyte

    /// A container killed twice at its 512Mi limit, its working set seen up to 510 MiB.
    static func oomKilled() -> Scenario {
        var profile = ProfileBuilder.profile(
            cpu: ProfileBuilder.steadyCPU(0.1), memory: { hour in (400 + Double(hour % 111)) * mebibyte })
        profile.oomKills = 2
        profile.restarts = 2
        profile.limits = ResourceAmounts(cpu: nil, memory: 512 * mebibyte)
        return Scenario(
            resources: [.requestsCPU: "120m", .requestsMemory: "512Mi", .limitsMemory: "512Mi"],
            profile: profile)
    }

    @Test func oomKilledContainerGetsMemoryAboveTheLimitAtTheKill() throws {
        let scenario = Self.oomKilled()
        // max(512 × 1.2 = 614.4, 512 + 100 = 612, peak 510 × 1.15 = 586.5) = 614.4 MiB, up to 615Mi.
        #expect(
            scenario.proposals() == ["oom requests.memory 512Mi->615Mi", "oom limits.memory 512Mi->615Mi"])
        let finding = try #require(scenario.analyze().findings.first)
        #expect(finding.id == "oom/prod/shop/Deployment/web/app")
        #expect(finding.priority == .high)
        #expect(
            finding.summary
                == "2 OOM kills at the 512Mi limit: requests.memory 512Mi → 615Mi, limits.memory 512Mi → 615Mi"
        )
        #expect(finding.evidence.oomKillLimit == 512 * Self.mebibyte)
        #expect(finding.evidence.oomKillLimitSource == "the live limit at the window's end")
        #expect(
            finding.evidence.calculations == [
                Calculation(
                    field: "oom bump",
                    formula:
                        "max(limit at the kill 512 MiB × 1.2, limit at the kill 512 MiB + 100 MiB) = 614.4 MiB",
                    result: "614.4 MiB"),
                Calculation(field: "memory", formula: "614.4 MiB, up to 1Mi", result: "615Mi"),
            ])
        // Replayed: no point of the series reaches 615Mi, and the kills happened at 512Mi.
        #expect(
            finding.evidence.replay
                == ReplayEvidence(limit: 615 * Self.mebibyte, points: 169, wouldBeOOMKills: 0))
        // The current limit replays to the two kills (and no sample above it).
        #expect(MemoryReplay.replay(scenario.profile, limit: 512 * Self.mebibyte).wouldBeOOMKills == 2)
    }

    @Test func oomIsActedOnEvenWithShortHistory() throws {
        var scenario = Self.oomKilled()
        scenario.profile.coverage = Coverage(
            seconds: 7200, ratio: 7200 / (7 * 86_400), first: Scenario.windowEnd - 7200,
            last: Scenario.windowEnd)
        #expect(
            scenario.proposals() == ["oom requests.memory 512Mi->615Mi", "oom limits.memory 512Mi->615Mi"])
        #expect(scenario.analyze().containers == [ContainerVerdict(container: "app", status: .changed)])
    }

    @Test func theLimitAtTheKillComesFirstFromTheProfile() throws {
        var scenario = Self.oomKilled()
        // The pods killed ran with 600Mi (the live limit is 512Mi again, Git says 512Mi too):
        // max(600 × 1.2 = 720, 700) = 720Mi.
        scenario.profile.oomKillLimit = 600 * Self.mebibyte
        #expect(
            scenario.proposals() == ["oom requests.memory 512Mi->720Mi", "oom limits.memory 512Mi->720Mi"])
        // Without any live numbers, Git's limit is the start; a big peak wins over the bump.
        scenario.profile.oomKillLimit = nil
        scenario.profile.limits = nil
        scenario.profile.memory?.max = 600 * Self.mebibyte
        // max(614.4, 612, 600 × 1.15 = 690) = 690Mi.
        #expect(
            scenario.proposals() == ["oom requests.memory 512Mi->690Mi", "oom limits.memory 512Mi->690Mi"])
    }

    @Test func anOOMIsNotLoweredByAnHigherLimitInGit() throws {
        var scenario = Self.oomKilled()
        scenario.resources = [.requestsCPU: "120m", .requestsMemory: "700Mi", .limitsMemory: "1Gi"]
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.oom])
        #expect(analysis.findings[0].proposals == [])
        #expect(
            analysis.findings[0].summary
                == "2 OOM kills at the 512Mi limit: the manifest already allows 615Mi")
    }

    /// A leak: 8 MiB an hour on top of 400 MiB for a week, with ±2 MiB of noise, under a 2Gi limit.
    static func leaking() -> Scenario {
        let profile = ProfileBuilder.profile(
            cpu: ProfileBuilder.steadyCPU(0.1),
            memory: { hour in (400 + 8 * Double(hour) + Double(hour % 5) - 2) * mebibyte },
            limits: ResourceAmounts(cpu: nil, memory: 2048 * mebibyte))
        var scenario = Scenario(
            resources: [.requestsCPU: "120m", .requestsMemory: "1Gi", .limitsMemory: "2Gi"], profile: profile)
        scenario.workload = WorkloadReference(
            cluster: "prod", namespace: "payments", kind: "StatefulSet", name: "ledger")
        scenario.container = "db"
        return scenario
    }

    @Test func aLeakIsReportedAndNotSized() throws {
        let scenario = Self.leaking()
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.memoryLeak])
        let finding = try #require(analysis.findings.first)
        #expect(finding.proposals.isEmpty)
        #expect(finding.id == "memory-leak/prod/payments/StatefulSet/ledger/db")
        // The line through the week: 8 MiB/h; at the end (hour 168) 1744 MiB; 304 MiB more to the
        // 2Gi limit is 38 h.
        let leak = try #require(finding.evidence.leak)
        #expect(leak.slopeBytesPerHour == 8 * Self.mebibyte)
        #expect(leak.fittedAtEnd == 1744 * Self.mebibyte)
        #expect(leak.secondsToLimit == 136_800)
        #expect(leak.points == 168)
        #expect(leak.limitField == "limits.memory")
        #expect(leak.rSquared == 1)
        #expect(
            finding.summary
                == "leak suspected: the working set grows 8 MiB/h (R² 1 over 7 days) and reaches the limits.memory "
                + "2Gi in 38 h; memory is not sized up for it")
        #expect(finding.priority == .medium)
        #expect(analysis.containers == [ContainerVerdict(container: "db", status: .unchanged)])
    }

    @Test func aLeakUnderALimitBelowItsPeakStillGetsThatLimitRaised() throws {
        var scenario = Self.leaking()
        // Git says 1536Mi, the live pods ran with 2Gi and peaked at 1745 MiB: the next sync would
        // OOM-kill them. The limit rises to the peak × 1.15 (2006.75 → 2007Mi); the request stays.
        scenario.resources[.limitsMemory] = "1536Mi"
        #expect(scenario.kinds() == [.memoryLeak, .rightsize])
        #expect(scenario.proposals() == ["rightsize limits.memory 1536Mi->2007Mi"])
    }

    /// The leak under an 8Gi limit: (8192 − 1744) / 8 = 806 h to reach it, beyond 7 days.
    static func leakingBeyondTheHorizon() -> Scenario {
        var scenario = leaking()
        scenario.resources[.limitsMemory] = "8Gi"
        return scenario
    }

    @Test func aLeakBeyondTheHorizonIsNotReported() throws {
        // Memory is then right-sized as demand.
        #expect(Self.leakingBeyondTheHorizon().kinds() == [.rightsize])
    }

    @Test func aLeakThatGetsKilledRaisesOnlyTheLimit() throws {
        var scenario = Self.leaking()
        scenario.profile.oomKills = 1
        scenario.profile.oomKillLimit = 2048 * Self.mebibyte
        // The limit rises to stop the kills (2048 × 1.2 = 2457.6, up to 2458Mi); the request stays.
        #expect(scenario.proposals() == ["oom limits.memory 2Gi->2458Mi"])
        #expect(scenario.kinds() == [.oom, .memoryLeak])
        let oom = try #require(scenario.analyze().findings.first)
        #expect(
            oom.evidence.held == [
                "requests.memory held: a leak is suspected, and a leak is not fixed by reserving memory"
            ])
    }

    @Test func growthThatRestartsEveryDayIsCutAtTheResets() throws {
        var scenario = Self.leaking()
        // A cache that fills for 20 hours after each daily restart and then levels: the last
        // stretch (since the last restart) is 24 points, rising then flat: no steady growth.
        scenario.profile = ProfileBuilder.profile(
            cpu: ProfileBuilder.steadyCPU(0.1),
            memory: { hour in (300 + 10 * Double(min(hour % 24, 20))) * Self.mebibyte },
            limits: ResourceAmounts(cpu: nil, memory: 2048 * Self.mebibyte))
        #expect(!scenario.kinds().contains(.memoryLeak))
    }

    /// A service whose CPU spikes to its 500m limit a few percent of the time, throttled 38 %.
    static func throttled() -> Scenario {
        var profile = ProfileBuilder.profile(
            cpu: CPUUsage(p50: 0.15, p90: 0.17, p95: 0.18, p99: 0.5, max: 0.5, samples: 2016),
            memory: { _ in 250 * mebibyte })
        profile.throttlingRatio = 0.38
        return Scenario(
            resources: [
                .requestsCPU: "200m", .limitsCPU: "500m", .requestsMemory: "288Mi", .limitsMemory: "288Mi",
            ],
            profile: profile)
    }

    @Test func spikyCPUNearTheLimitWithThrottlingRaisesTheLimit() throws {
        let scenario = Self.throttled()
        // max(0.5 × 1.5 = 0.75, 0.5 + 0.1 = 0.6, p95 0.18 × 1.15 = 0.207, peak 0.5) = 0.75: 750m.
        // The request (0.207 → 210m, +5 % of 200m) and memory (250 × 1.15 = 287.5 → 288Mi) stay.
        #expect(scenario.proposals() == ["cpu-throttling limits.cpu 500m->750m"])
        let finding = try #require(scenario.analyze().findings.first)
        #expect(finding.id == "cpu-throttling/prod/shop/Deployment/web/app")
        #expect(
            finding.summary
                == "throttled in 38 % of CFS periods with usage up to 0.5 cores at the 500m limit: "
                + "limits.cpu 500m → 750m")
        #expect(finding.evidence.throttlingRatio == 0.38)
        #expect(finding.evidence.cpuLimit == 0.5)
    }

    @Test func thePolicyMayRemoveTheThrottlingLimitOrOnlyReport() throws {
        var scenario = Self.throttled()
        scenario.settings.throttlingResponse = .remove
        #expect(scenario.proposals() == ["cpu-throttling limits.cpu 500m->removed"])
        scenario.settings.throttlingResponse = .report
        #expect(scenario.proposals() == [])
        #expect(scenario.kinds() == [.cpuThrottling])
    }

    @Test func throttlingFarBelowTheLimitOrUnderTheThresholdIsNotReported() throws {
        var scenario = Self.throttled()
        scenario.profile.cpu = CPUUsage(p50: 0.15, p90: 0.17, p95: 0.18, p99: 0.3, max: 0.4, samples: 2016)
        #expect(scenario.kinds() == [])
        scenario = Self.throttled()
        scenario.profile.throttlingRatio = 0.25
        #expect(scenario.kinds() == [])
    }
}
