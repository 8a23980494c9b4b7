import Testing

@testable import PrometheusAPI

/// Which steps of a pod's container count as a crash loop, whose samples are left out.
@Suite struct CrashLoopSpansTests {
    @Test func restartsWithinAnHourOfEachOtherAreOneSpan() {
        // 5-minute steps: restarts at steps 10, 12, 14, then one at 40 (2.2 h later), alone.
        let loops = CrashLoopSpans(
            restarts: [10: 1, 12: 1, 14: 1, 40: 1], oomKills: [:], stepSeconds: 300)
        #expect(loops.spans == [10...14])
        #expect(loops.contains(12) && loops.contains(13) && !loops.contains(15) && !loops.contains(40))
    }

    @Test func twoRestartsAreNoCrashLoop() {
        #expect(CrashLoopSpans(restarts: [10: 1, 12: 1], oomKills: [:], stepSeconds: 300).spans.isEmpty)
        // Two restarts in one step and one later count three.
        #expect(CrashLoopSpans(restarts: [10: 2, 20: 1], oomKills: [:], stepSeconds: 300).spans == [10...20])
    }

    @Test func oomKillsAreNeverACrashLoop() {
        let loops = CrashLoopSpans(
            restarts: [10: 1, 12: 1, 14: 1, 16: 1], oomKills: [10: 1, 12: 1, 14: 1], stepSeconds: 300)
        #expect(loops.spans.isEmpty)
    }

    @Test func anHourApartStillJoins() {
        let loops = CrashLoopSpans(restarts: [1: 1, 13: 1, 25: 1, 38: 1], oomKills: [:], stepSeconds: 300)
        #expect(loops.spans == [1...25])
    }
}
