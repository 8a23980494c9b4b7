import Kubernetes
import Testing

@Suite struct QuantityTests {
    @Test(arguments: [
        ("100m", Int128(100_000_000)),
        ("0.5", 500_000_000),
        ("1", 1_000_000_000),
        ("1.", 1_000_000_000),
        (".25", 250_000_000),
        ("1e3", 1_000_000_000_000),
        ("1E-3", 1_000_000),
        ("2k", 2_000_000_000_000),
        ("1Ki", 1_024_000_000_000),
        ("512Mi", 536_870_912_000_000_000),
        ("1Gi", 1_073_741_824_000_000_000),
        ("1G", 1_000_000_000_000_000_000),
        ("1.5Gi", 1_610_612_736_000_000_000),
        ("+3", 3_000_000_000),
        ("-2m", -2_000_000),
        ("100u", 100_000),
        ("7n", 7),
    ])
    func parsesToNanoUnits(text: String, nanos: Int128) throws {
        let quantity = try #require(Quantity(text))
        #expect(quantity.nanos == nanos)
        #expect(quantity.text == text)
    }

    @Test(arguments: ["", "m", "1.2.3", "1x", "Mi", "1 Mi", "1mi", "1e", "e3", "--1", "1.5.Gi"])
    func rejectsWhatKubernetesRejects(text: String) {
        #expect(Quantity(text) == nil)
    }

    @Test func roundsSubNanoFractionsUp() throws {
        #expect(try #require(Quantity("0.0000000001")).nanos == 1)
    }

    @Test func comparesByValueNotByText() throws {
        #expect(Quantity("1Gi") == Quantity("1024Mi"))
        #expect(Quantity("1000m") == Quantity("1"))
        #expect(try #require(Quantity("1G")) < #require(Quantity("1Gi")))
        #expect(try #require(Quantity("999m")) < #require(Quantity("1")))
    }

    @Test func reportsUnitsRoundedUp() throws {
        #expect(try #require(Quantity("0.1001")).milliValue == 101)
        #expect(try #require(Quantity("1.5Ki")).unitValue == 1536)
        #expect(try #require(Quantity("0.5")).value == 0.5)
    }

    @Test func formatsNewCPUValues() {
        #expect(Quantity.cpu(millicores: 180).text == "180m")
        #expect(Quantity.cpu(millicores: 2000).text == "2")
        #expect(Quantity.cpu(millicores: 1495).text == "1495m")
        #expect(Quantity.cpu(millicores: 180) == Quantity("0.18"))
    }

    @Test func formatsNewMemoryValues() {
        #expect(Quantity.memory(bytes: 384 * Quantity.mebi).text == "384Mi")
        #expect(Quantity.memory(bytes: 2 * Quantity.gibi).text == "2Gi")
        #expect(Quantity.memory(bytes: 1000).text == "1000")
        #expect(Quantity.memory(bytes: 1024 * Quantity.mebi) == Quantity("1Gi"))
    }
}
