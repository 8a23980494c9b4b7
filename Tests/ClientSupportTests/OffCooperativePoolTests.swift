import ClientSupport
import Foundation
import Testing

@Suite("Blocking calls off the cooperative pool")
struct OffCooperativePoolTests {
    struct Failure: Error, Equatable {}

    @Test("the body's value and error come back to the caller")
    func resultComesBack() async throws {
        #expect(try await offCooperativePool { 6 * 7 } == 42)
        await #expect(throws: Failure()) {
            try await offCooperativePool { () throws -> Int in throw Failure() }
        }
    }

    @Test("more blocking calls than cores run at the same time")
    func blockingCallsDoNotStarveThePool() async throws {
        // Each body waits for all the others; on the cooperative pool, which has one thread per
        // core, the bodies past the core count would never start and the test would hang.
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let arrived = DispatchGroup()
        for _ in 0..<count { arrived.enter() }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await offCooperativePool {
                        arrived.leave()
                        return arrived.wait(timeout: .now() + 30) == .success
                    }
                }
            }
            for try await everyoneArrived in group {
                #expect(everyoneArrived)
            }
        }
    }
}
