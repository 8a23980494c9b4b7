import ClientSupport
import Foundation
import Testing

@Suite("Retry-After as delay-seconds or an HTTP-date")
struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("delay-seconds, negative ones as no wait")
    func seconds() {
        #expect(RetryAfter.wait("120", now: Self.now) == .seconds(120))
        #expect(RetryAfter.wait("-5", now: Self.now) == .seconds(0))
    }

    @Test("an HTTP-date counts from now; one in the past is no wait")
    func date() {
        // 1_790_000_000 is Mon, 21 Sep 2026 14:13:20 GMT.
        #expect(RetryAfter.wait("Mon, 21 Sep 2026 14:14:00 GMT", now: Self.now) == .seconds(40))
        #expect(RetryAfter.wait("Mon, 21 Sep 2026 14:00:00 GMT", now: Self.now) == .seconds(0))
    }

    @Test("anything else is not a wait")
    func garbage() {
        #expect(RetryAfter.wait("soon", now: Self.now) == nil)
    }
}
