import Testing
import YAMLSyntax

/// The tree covers all content: between the scalars and aliases (found through the public node
/// API) there is only trivia — blanks, line breaks, comments, indicators, properties, document
/// markers and directives. A node missing from the tree would leave its text in a gap.
@Suite struct TriviaTests {
    /// The byte ranges of every scalar and alias, in document order.
    static func leaves(_ file: YAMLFile) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        func visit(_ node: YAMLNode) {
            switch node.kind {
            case .scalar, .alias:
                if !node.byteRange.isEmpty { ranges.append(node.byteRange) }
            case .mapping:
                for (key, value) in node.entries {
                    visit(key)
                    visit(value)
                }
            case .sequence:
                node.items.forEach(visit)
            }
        }
        for document in file.documents {
            if let root = document.root { visit(root) }
        }
        return ranges
    }

    /// The first byte of `gap` that is not trivia, if any.
    static func firstNonTrivia(_ bytes: [UInt8], _ gap: Range<Int>) -> Int? {
        var i = gap.lowerBound
        func at(_ k: Int) -> UInt8 { k < gap.upperBound ? bytes[k] : 0 }
        func isBlankOrBreak(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        while i < gap.upperBound {
            let c = bytes[i]
            if isBlankOrBreak(c) || "-?:,[]{}".utf8.contains(c) {
                i += 1
            } else if c == UInt8(ascii: "#") || c == UInt8(ascii: "%") {
                while i < gap.upperBound && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
            } else if c == UInt8(ascii: "!") && at(i + 1) == UInt8(ascii: "<") {
                while i < gap.upperBound && bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            } else if c == UInt8(ascii: "&") || c == UInt8(ascii: "!") {
                while i < gap.upperBound && !isBlankOrBreak(bytes[i]) && !",[]{}".utf8.contains(bytes[i]) {
                    i += 1
                }
            } else if c == UInt8(ascii: ".") && at(i + 1) == c && at(i + 2) == c {
                i += 3
            } else if c == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF {
                i += 3
            } else {
                return i
            }
        }
        return nil
    }

    static func check(_ name: String, _ bytes: [UInt8]) throws {
        let file = try YAMLFile(bytes: bytes, path: name)
        var cursor = 0
        var rebuilt: [UInt8] = []
        for range in leaves(file) {
            #expect(range.lowerBound >= cursor, "\(name): node at \(range) overlaps the previous one")
            guard range.lowerBound >= cursor else { return }
            if let offset = firstNonTrivia(bytes, cursor..<range.lowerBound) {
                Issue.record("\(name): content outside any node at \(file.mark(at: offset))")
                return
            }
            rebuilt += bytes[cursor..<range.upperBound]
            cursor = range.upperBound
        }
        if let offset = firstNonTrivia(bytes, cursor..<bytes.count) {
            Issue.record("\(name): content outside any node at \(file.mark(at: offset))")
        }
        rebuilt += bytes[cursor...]
        #expect(rebuilt == bytes)
        #expect(file.printed() == bytes)
    }

    @Test func corpusContentIsAllInNodes() throws {
        for (name, bytes) in try SharedData.corpusFiles() {
            try Self.check(name, bytes)
        }
    }

    @Test func suiteContentIsAllInNodes() throws {
        for testCase in try SharedData.suiteCases() where !testCase.isError {
            try Self.check(testCase.id, testCase.input)
        }
    }

    @Test func aMissingScalarWouldBeFound() {
        let bytes = Array("a: 1\nb: two\n".utf8)
        #expect(Self.firstNonTrivia(bytes, 0..<bytes.count) == 0)
        #expect(Self.firstNonTrivia(bytes, 4..<5) == nil)
        #expect(Self.firstNonTrivia(Array("  - &x !t [a".utf8), 0..<12) == 11)
    }
}
