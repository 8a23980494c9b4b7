import Foundation

/// Runs `body` on a thread of its own and waits for it without holding a thread of Swift
/// concurrency's cooperative pool.
///
/// For calls that block: a libgit2 fetch or push (which also waits for the process-wide network
/// lock), a child process waited for with `waitUntilExit`. The pool has one thread per core, so
/// two such calls on a two-core machine would stall every other task of the process.
///
/// `body` runs to its end even when the calling task is cancelled; blocking calls cannot be
/// interrupted, and whatever they write is then in a known state.
package func offCooperativePool<T: Sendable>(_ body: @Sendable @escaping () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result(catching: body))
        }
        thread.name = "steward.blocking"
        thread.start()
    }
}
