import Analysis
import Kubernetes
import Profiles
import Testing

/// Regressions after a change: a crash loop or failing probes that began right after a rollout
/// of a commit are blamed on that commit (a revert); without a commit nearby they are reported.
@Suite struct RegressionScenarioTests {
    static let hour = Scenario.hour
    static let start = Scenario.windowStart
    /// Friday 12:00 UTC of the window's week: the commit.
    static let commitTime = start + 4 * Scenario.day + 12 * hour
    static let rolloutTime = commitTime + 120

    static let imageBump = ManifestCommit(
        id: "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c", time: commitTime,
        author: "Dana Ops <dana@example.com>",
        summary: "Bump web to 2.15.0", paths: ["apps/shop/web.yaml"], scope: .workload)

    /// A service that is right-sized already, whose container restarts 3 times in the hour after
    /// the rollout (the first restart 10 minutes after the commit) and 4 times an hour after that.
    static func crashLooping() -> Scenario {
        var profile = ProfileBuilder.profile(
            cpu: ProfileBuilder.steadyCPU(0.15),
            memory: { hour in (300 + Double(hour % 10)) * Scenario.mebibyte })
        profile.restartSeries = Series(
            step: "1h",
            values: (1...168).map { hour in
                let time = start + Double(hour) * Self.hour
                let restarts = time <= commitTime ? 0 : time == commitTime + Self.hour ? 3 : 4
                return [time, Double(restarts)]
            })
        profile.rollouts = [
            Rollout(replicaSet: "web-5d8f7c9b4", created: start - 10 * Scenario.day),
            Rollout(replicaSet: "web-7b6c5d4e3", created: rolloutTime),
        ]
        var scenario = Scenario(
            resources: [.requestsCPU: "190m", .requestsMemory: "356Mi", .limitsMemory: "356Mi"],
            profile: profile)
        scenario.commits = [imageBump]
        return scenario
    }

    @Test func crashLoopTenMinutesAfterAnImageChangeRevertsThatCommit() throws {
        let scenario = Self.crashLooping()
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.regressionAfterChange])
        let finding = try #require(analysis.findings.first)
        #expect(finding.id == "regression-after-change/prod/shop/Deployment/web/app#rollout-web-7b6c5d4e3")
        #expect(finding.revert == Self.imageBump)
        #expect(finding.proposals.isEmpty)
        #expect(finding.priority == .high)
        #expect(
            finding.confidence
                == Confidence(
                    score: 0.9, level: .high,
                    basis: "one candidate commit and a quiet stretch of at least 6 h before"))
        // 36 hourly steps after the commit: 3 + 35 × 4 = 239 restarts, none in the day before.
        #expect(
            finding.summary
                == "239 restarts of app began within 58 min of rollout web-7b6c5d4e3 at 2026-09-25T12:02:00Z, "
                + "2 min after commit 4f1c2d3 \"Bump web to 2.15.0\" by Dana Ops <dana@example.com>: revert it"
        )
        let regression = try #require(finding.evidence.regression)
        #expect(
            regression.anomalies == [
                Anomaly(
                    signal: .restarts, source: "app", onset: Self.commitTime + Self.hour, step: 3600,
                    before: 0,
                    after: 239, baselineSeconds: 86_400, afterSeconds: 216_000,
                    lastSeen: Self.commitTime + 60 * Self.hour)
            ])
        #expect(regression.rollout == "rollout web-7b6c5d4e3 at 2026-09-25T12:02:00Z")
        #expect(regression.rolloutTime == Self.rolloutTime)
        #expect(regression.candidates == [Self.imageBump])
        #expect(analysis.containers == [ContainerVerdict(container: "app", status: .changed)])
    }

    /// The crash loop, with the last commit to the workload three days before the rollout.
    static func crashLoopingWithoutACommitNearby() -> Scenario {
        var scenario = crashLooping()
        scenario.commits = [
            ManifestCommit(
                id: imageBump.id, time: commitTime - 3 * Scenario.day, author: imageBump.author,
                summary: "Add web", paths: ["apps/shop/web.yaml"], scope: .workload)
        ]
        return scenario
    }

    @Test func theSameCrashLoopWithoutACommitNearbyIsOnlyReported() throws {
        var scenario = Self.crashLoopingWithoutACommitNearby()
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.crashLoop])
        let finding = try #require(analysis.findings.first)
        #expect(finding.revert == nil)
        #expect(finding.proposals.isEmpty)
        #expect(finding.id == "crash-loop/prod/shop/Deployment/web/app")
        #expect(
            finding.summary
                == "239 restarts of app began after rollout web-7b6c5d4e3 at 2026-09-25T12:02:00Z; no commit to the "
                + "workload's manifests explains it")
        // Nothing to revert, and its samples are those of a broken run: sizing waits.
        #expect(
            analysis.containers
                == [
                    ContainerVerdict(
                        container: "app", status: .skipped("held: crash loop since 2026-09-25T13:00:00Z"))
                ])
        // Without any rollout either, it says so.
        scenario.profile.rollouts = []
        #expect(
            scenario.analyze().findings.first?.summary
                == "239 restarts of app began without a rollout or certificate change before it; no commit to the "
                + "workload's manifests explains it")
    }

    /// A second commit to the workload, ten minutes before the image bump.
    static let configChange = ManifestCommit(
        id: "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", time: commitTime - 600,
        author: "Lee <lee@example.com>",
        summary: "Lower the heap", paths: ["apps/shop/web.yaml"], scope: .workload)

    /// The crash loop, with two commits that could explain its rollout.
    static func crashLoopingAfterTwoCommits() -> Scenario {
        var scenario = crashLooping()
        scenario.commits = [imageBump, configChange]
        return scenario
    }

    @Test func severalCandidateCommitsAreNamedAndNoneIsPicked() throws {
        let scenario = Self.crashLoopingAfterTwoCommits()
        let configChange = Self.configChange
        let finding = try #require(scenario.analyze().findings.first)
        #expect(finding.kind == .regressionAfterChange)
        #expect(finding.revert == nil)
        #expect(finding.evidence.regression?.candidates == [configChange, Self.imageBump])
        #expect(finding.confidence == Confidence(score: 0.5, level: .low, basis: "2 candidate commits"))
        #expect(
            finding.summary
                == "239 restarts of app began within 58 min of rollout web-7b6c5d4e3 at 2026-09-25T12:02:00Z; 2 commits "
                + "could explain it (0a1b2c3, 4f1c2d3): none is picked, revert the one at fault by hand")
    }

    @Test func aCommitWithoutARolloutIsNotBlamed() throws {
        var scenario = Self.crashLooping()
        scenario.profile.rollouts = [
            Rollout(replicaSet: "web-5d8f7c9b4", created: Self.start - 10 * Scenario.day)
        ]
        #expect(scenario.kinds() == [.crashLoop])
    }

    @Test func restartsThatWereAlwaysThereHaveNoOnset() throws {
        var scenario = Self.crashLooping()
        scenario.profile.restartSeries = Series(
            step: "1h", values: (1...168).map { [Self.start + Double($0) * Self.hour, 2] })
        #expect(scenario.kinds() == [])
    }

    @Test func oomKillsThatBeganAfterACommitRevertItAndRaiseMemory() throws {
        var scenario = Self.crashLooping()
        scenario.profile.restartSeries = nil
        scenario.profile.oomKills = 5
        scenario.profile.limits = ResourceAmounts(memory: 356 * Scenario.mebibyte)
        scenario.profile.oomKillSeries = Series(
            step: "1h",
            values: (1...168).map { hour in
                let time = Self.start + Double(hour) * Self.hour
                return [time, [109, 120, 130, 150, 167].contains(hour) ? 1 : 0]
            })
        // The OOM kills began in the hour after the rollout: the commit (which lowered the limit,
        // say) is reverted, and the oom finding raises the limit meanwhile: max(356 × 1.2, 456) = 456Mi.
        #expect(scenario.kinds() == [.regressionAfterChange, .oom])
        #expect(
            scenario.proposals() == ["oom requests.memory 356Mi->456Mi", "oom limits.memory 356Mi->456Mi"])
        #expect(scenario.analyze().findings.first?.revert == Self.imageBump)
    }

    /// A probe of the workload's host that fails from the hour a new certificate was served, 10
    /// minutes after a commit to the Ingress's TLS Secret.
    static func failingProbe() -> Scenario {
        var scenario = Scenario(
            resources: [.requestsCPU: "190m", .requestsMemory: "356Mi", .limitsMemory: "356Mi"],
            profile: ProfileBuilder.profile(
                cpu: ProfileBuilder.steadyCPU(0.15),
                memory: { hour in (300 + Double(hour % 10)) * Scenario.mebibyte }))
        scenario.commits = [
            ManifestCommit(
                id: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", time: commitTime,
                author: "Kim <kim@example.com>",
                summary: "Switch shop to the staging issuer", paths: ["apps/shop/ingress.yaml"], scope: .tls)
        ]
        scenario.probes = [
            ProbeProfile(
                target: "https://shop.example.com/healthz",
                successSeries: Series(
                    step: "1h",
                    values: (1...168).map { hour in
                        let time = start + Double(hour) * Self.hour
                        return [time, time <= commitTime ? 1 : 0]
                    }),
                certificateExpirySeries: Series(
                    step: "1h",
                    values: (1...168).map { hour in
                        let time = start + Double(hour) * Self.hour
                        return [
                            time, time <= commitTime ? start + 60 * Scenario.day : start + 10 * Scenario.day,
                        ]
                    }),
                certificates: [
                    CertificateSighting(fingerprint: "9f2c4be01d7a", first: start + 3600, last: commitTime),
                    CertificateSighting(
                        fingerprint: "41aa07cc93e5", first: commitTime + 600, last: Scenario.windowEnd),
                ])
        ]
        return scenario
    }

    @Test func failingProbesAfterATLSChangeRevertIt() throws {
        let scenario = Self.failingProbe()
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.regressionAfterChange])
        let finding = try #require(analysis.findings.first)
        #expect(finding.revert == scenario.commits.first)
        #expect(finding.container == "app")
        // Both anomalies follow the new certificate: the probes fail, and the new chain expires
        // 3 days after the window's end instead of 53.
        #expect(
            finding.evidence.regression?.anomalies.map(\.signal) == [.probeFailure, .certificateExpiry])
        #expect(
            finding.evidence.regression?.rollout
                == "certificate 41aa07cc93e5 first served at 2026-09-25T12:10:00Z")
        #expect(
            finding.evidence.regression?.anomalies.first?.description
                == "https://shop.example.com/healthz: probes succeeded 100 % of the time in the 1 day before, 0 % in the "
                + "2.5 days after 2026-09-25T12:00:00Z")
    }

    @Test func failingProbesWithoutAChangeAreReported() throws {
        var scenario = Self.failingProbe()
        scenario.commits = []
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.probeFailure])
        #expect(analysis.findings.first?.revert == nil)
        #expect(analysis.findings.first?.id == "probe-failure/prod/shop/Deployment/web/app")
    }

    @Test func aWorkloadCommitDoesNotExplainACertificateChange() throws {
        var scenario = Self.failingProbe()
        scenario.commits = scenario.commits.map {
            var commit = $0
            commit.scope = .workload
            return commit
        }
        // No rollout, and the certificate change wants a TLS commit.
        #expect(scenario.kinds() == [.probeFailure])
    }

    /// The crash loop after the image bump, and 16 hours later a probe of the same workload that
    /// fails from a new certificate served 10 minutes after a commit to its TLS resources.
    static func twoIncidents() -> Scenario {
        var scenario = crashLooping()
        let tlsTime = commitTime + 16 * hour
        let tlsCommit = ManifestCommit(
            id: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", time: tlsTime, author: "Kim <kim@example.com>",
            summary: "Rotate the shop certificate", paths: ["apps/shop/ingress.yaml"], scope: .tls)
        scenario.commits.append(tlsCommit)
        var probe = failingProbe().probes[0]
        probe.successSeries = Series(
            step: "1h",
            values: (1...168).map { hour in
                let time = start + Double(hour) * Self.hour
                return [time, time <= tlsTime ? 1 : 0]
            })
        probe.certificateExpirySeries = Series(
            step: "1h",
            values: (1...168).map { hour in
                let time = start + Double(hour) * Self.hour
                return [time, time <= tlsTime ? start + 60 * Scenario.day : start + 10 * Scenario.day]
            })
        probe.certificates = [
            CertificateSighting(fingerprint: "9f2c4be01d7a", first: start + 3600, last: tlsTime),
            CertificateSighting(fingerprint: "41aa07cc93e5", first: tlsTime + 600, last: Scenario.windowEnd),
        ]
        scenario.probes = [probe]
        return scenario
    }

    @Test func twoIncidentsWithTheirOwnTriggersAreTwoFindingsWithTheirOwnReverts() throws {
        let scenario = Self.twoIncidents()
        let findings = scenario.analyze().findings.filter { $0.kind == .regressionAfterChange }
        #expect(
            findings.map(\.id) == [
                "regression-after-change/prod/shop/Deployment/web/app#rollout-web-7b6c5d4e3",
                "regression-after-change/prod/shop/Deployment/web/app#certificate-41aa07cc93e5",
            ])
        #expect(findings.map(\.revert?.summary) == ["Bump web to 2.15.0", "Rotate the shop certificate"])
        #expect(findings.map(\.confidence.level) == [.high, .high])
        #expect(findings.map { $0.evidence.regression?.candidates.count } == [1, 1])
        // The failing probe and the new chain's early expiry follow one trigger: one finding.
        #expect(
            findings.map { $0.evidence.regression?.anomalies.map(\.signal) } == [
                [.restarts], [.probeFailure, .certificateExpiry],
            ])
    }

    @Test func theSameIncidentsKeepTheirIdsInALaterRun() throws {
        var scenario = Self.twoIncidents()
        let first = scenario.analyze().findings.map(\.id)
        // A run an hour later sees the same commits and rollouts.
        scenario.now += Self.hour
        #expect(scenario.analyze().findings.map(\.id) == first)
    }

    @Test func aCrashLoopingContainerIsNotSizedFromItsBrokenRun() throws {
        var scenario = Self.crashLooping()
        // Far above its use: without the crash loop, this container would be sized down.
        scenario.resources = [.requestsCPU: "2", .requestsMemory: "2Gi", .limitsMemory: "2Gi"]
        var calm = scenario
        calm.profile.restartSeries = nil
        #expect(calm.kinds().contains(.rightsize))

        // With the revert to propose, the container's change is the revert alone.
        #expect(scenario.analyze().findings.map(\.kind) == [.regressionAfterChange])
        scenario.commits = []
        let analysis = scenario.analyze()
        #expect(analysis.findings.map(\.kind) == [.crashLoop])
        #expect(
            analysis.containers
                == [
                    ContainerVerdict(
                        container: "app", status: .skipped("held: crash loop since 2026-09-25T13:00:00Z"))
                ])
    }

    @Test func sizingResumesOnceTheCrashLoopHasBeenQuietLongEnough() throws {
        var scenario = Self.crashLooping()
        scenario.commits = []
        scenario.resources = [.requestsCPU: "2", .requestsMemory: "2Gi", .limitsMemory: "2Gi"]
        let end = try #require(scenario.profile.restartSeries?.points.last?.time)
        func restarts(quietFor hours: Double) -> Series {
            Series(
                step: "1h",
                values: (scenario.profile.restartSeries?.points ?? []).map { point in
                    [point.time, point.time > end - hours * Self.hour ? 0 : point.value]
                })
        }
        // Quiet for the last hour: not over yet (recoverySeconds is 2 h).
        scenario.profile.restartSeries = restarts(quietFor: 1)
        #expect(scenario.analyze().findings.map(\.kind) == [.crashLoop])
        // Quiet for the last 2 hours: over, and the container is sized again.
        scenario.profile.restartSeries = restarts(quietFor: 2)
        #expect(scenario.analyze().findings.map(\.kind) == [.rightsize, .crashLoop])
    }
}
