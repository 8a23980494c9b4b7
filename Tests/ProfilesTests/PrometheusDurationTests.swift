import Profiles
import Testing

@Suite("Prometheus durations")
struct PrometheusDurationTests {
    @Test(
        "parse and print",
        arguments: [
            ("7d", 604_800_000, "7d"), ("5m", 300_000, "5m"), ("1h30m", 5_400_000, "1h30m"),
            ("90s", 90_000, "1m30s"),
            ("1w", 604_800_000, "7d"), ("500ms", 500, "500ms"), ("1y", 31_536_000_000, "365d"),
        ])
    func parse(text: String, milliseconds: Int64, printed: String) throws {
        let duration = try #require(PrometheusDuration(text))
        #expect(duration.milliseconds == milliseconds)
        #expect(duration.description == printed)
    }

    @Test(
        "reject what PromQL rejects",
        arguments: ["", "5", "m", "0s", "30m1h", "1h1h", "-5m", "5 m", "1.5h", "5M"])
    func reject(text: String) {
        #expect(PrometheusDuration(text) == nil)
    }
}
