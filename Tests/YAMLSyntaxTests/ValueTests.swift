import Testing
import YAMLSyntax

@Suite struct ValueTests {
    private func value(_ source: String) throws -> YAMLValue {
        try #require(try YAMLFile(bytes: Array(source.utf8), path: "v").documents.first).value
    }

    @Test func coreSchema() throws {
        let v = try value(
            "n: ~\nn2: null\nn3:\nb: true\nB: False\ni: -12\no: 0o17\nx: 0x1F\nf: 1.5\ne: 1e3\ninf: -.inf\nnan: .nan\ns: yes\nq: \"1\"\nt: !!str 2\nbig: 123456789012345678901234567890\n"
        )
        #expect(v["n"] == .null && v["n2"] == .null && v["n3"] == .null)
        #expect(v["b"] == .bool(true) && v["B"] == .bool(false))
        #expect(v["i"] == .int(-12) && v["o"] == .int(15) && v["x"] == .int(31))
        #expect(v["f"] == .float(1.5) && v["e"] == .float(1000) && v["inf"] == .float(-.infinity))
        #expect(v["nan"] == .float(.nan))
        #expect(v["s"] == .string("yes") && v["q"] == .string("1") && v["t"] == .string("2"))
        #expect(v["big"] == .string("123456789012345678901234567890"))
    }

    @Test func aliasesExpand() throws {
        let v = try value("base: &b {cpu: 1}\nuse: *b\n")
        #expect(v["use"] == .mapping([YAMLPair(key: .string("cpu"), value: .int(1))]))
    }

    @Test func changesListEveryDifference() throws {
        let old = try value("a: 1\nb: {c: 2, d: 3}\nl: [1, 2]\n")
        let new = try value("a: 1\nb: {c: 5, e: 4}\nl: [1]\nz: x\n")
        #expect(
            YAMLValue.changes(from: old, to: new).map(\.description) == [
                "b.c: 2 -> 5", "b.d: 3 -> (absent)", "b.e: (absent) -> 4", "l[1]: 2 -> (absent)",
                "z: (absent) -> x",
            ])
        #expect(YAMLValue.changes(from: old, to: old).isEmpty)
    }
}
