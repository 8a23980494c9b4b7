import Testing
import YAMLSyntax

/// Bad input gets `file:line:column: message`, the offending line and a caret.
@Suite struct BadInputTests {
    private func failure(_ bytes: [UInt8]) -> String {
        do {
            _ = try YAMLFile(bytes: bytes, path: "bad.yaml")
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func tabIndentation() {
        #expect(
            failure(Array("a:\n\tb: 1\n".utf8))
                == "bad.yaml:2:2: a tab cannot be used to indent a mapping key\n\tb: 1\n\t^")
    }

    @Test func unclosedQuote() {
        #expect(
            failure(Array("a: 1\nb: \"open\nc: 2\n".utf8))
                == "bad.yaml:2:4: unclosed double-quoted scalar: missing closing \"\nb: \"open\n   ^")
    }

    @Test func duplicateKey() {
        #expect(
            failure(Array("name: a\nimage: x\nname: b\n".utf8))
                == "bad.yaml:3:1: duplicate key name (first defined at line 1)\nname: b\n^")
    }

    @Test func badEscape() {
        #expect(
            failure(Array("a: \"x\\qy\"\n".utf8))
                == "bad.yaml:1:6: invalid escape sequence in a double-quoted scalar\na: \"x\\qy\"\n     ^")
    }

    @Test func invalidUTF8() {
        #expect(
            failure(Array("a: b\nc: d\u{E9}".utf8.dropLast(1)) + [0xFF, 0x0A])
                == "bad.yaml:2:5: invalid UTF-8 byte 0xC3\nc: d\u{FFFD}\u{FFFD}\n    ^")
    }

    @Test func wrongIndentation() {
        #expect(
            failure(Array("a:\n  b: 1\n c: 2\n".utf8))
                == "bad.yaml:3:2: expected a mapping key at this indentation\n c: 2\n ^")
    }

    @Test func flowContentMustBeIndented() throws {
        #expect(
            failure(Array("args: [a,\nb]\n".utf8))
                == "bad.yaml:2:1: flow content must be indented more than the enclosing block (column 1)\nb]\n^"
        )
        let closing = try YAMLFile(
            bytes: Array("args: [\n  a,\n]\nenv: {\n  k: v\n}\n".utf8), path: "ok.yaml")
        #expect(closing.documents.first?.value["args"] == .sequence([.string("a")]))
    }

    @Test func aliasBomb() {
        var source = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 {
            source +=
                "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(failure(Array(source.utf8)).contains("aliases expand to more than"))
    }

    @Test func unreadableFile() {
        #expect(throws: YAMLError.self) { try YAMLFile(contentsOf: "/nonexistent/steward.yaml") }
    }
}
