import Kubernetes
import Testing

/// New values are written the way the field (or its sibling) already writes quantities, never
/// below the recommendation.
@Suite struct QuantityFormattingTests {
    @Test(
        arguments: [
            ("180m", "500m", "180m"),
            ("180m", "0.5", "0.18"),
            ("1500m", "1", "1.5"),
            ("2", "1", "2"),
            ("345m", "0.5", "0.345"),
            ("180m", "1e3", "180m"),
            ("180m", nil, "180m"),
        ] as [(String, String?, String)])
    func cpu(value: String, example: String?, expected: String) throws {
        let quantity = try #require(Quantity(value))
        let formatted = quantity.formatted(like: example.flatMap(Quantity.init), resource: "cpu")
        #expect(formatted.text == expected)
        #expect(formatted == quantity)
    }

    @Test(arguments: [
        ("384Mi", "1Gi", "384Mi"),
        ("549Mi", "1G", "576M"),
        ("2Gi", "500M", "2148M"),
        ("1000Mi", "2G", "1049M"),
        ("384Mi", "536870912", "402653184"),
        ("384Mi", "128k", "402654k"),
        ("954Mi", "1G", "1001M"),
    ])
    func memory(value: String, example: String, expected: String) throws {
        let quantity = try #require(Quantity(value))
        let formatted = quantity.formatted(like: Quantity(example), resource: "memory")
        #expect(formatted.text == expected)
        #expect(formatted >= quantity)
        #expect(try #require(Quantity(formatted.text)) == formatted)
    }

    @Test func wholeGigabytesAreWrittenInG() throws {
        let quantity = Quantity.memory(bytes: 2_000_000_000)
        #expect(quantity.formatted(like: Quantity("1G"), resource: "memory").text == "2G")
    }
}
