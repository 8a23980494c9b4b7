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

/// ``offCooperativePool(_:)`` for a call on an object that is not `Sendable` (a libgit2
/// repository, which takes one thread at a time): the object is lent to the thread and the
/// caller awaits the call's end before touching it again, so it still has one user at a time.
package func offCooperativePool<Value, T: Sendable>(
    lending value: Value, _ body: @Sendable @escaping (Value) throws -> T
) async throws -> T {
    let lent = Lent(value)
    return try await offCooperativePool { try body(lent.value) }
}

/// A value lent to the thread that runs one blocking call for its owner; `@unchecked` vouches
/// for the one-user-at-a-time rule ``offCooperativePool(lending:_:)`` keeps.
private struct Lent<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
