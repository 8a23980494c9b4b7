import Testing
import YAMLSyntax

/// Printing an unedited tree gives back the input byte for byte.
@Suite struct RoundTripTests {
    @Test func corpusPrintsBackByteForByte() throws {
        let files = try SharedData.corpusFiles()
        #expect(files.count >= 300, "the corpus should hold its ~340 files")
        var failures: [String] = []
        for (name, bytes) in files {
            do {
                let file = try YAMLFile(bytes: bytes, path: name)
                if file.printed() != bytes || file.bytes != bytes { failures.append(name) }
            } catch {
                failures.append("\(error)")
            }
        }
        print("corpus round trip: \(files.count - failures.count) passed, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures)")
    }

    static let fixtures: [(String, String)] = [
        ("bom", "\u{FEFF}a: 1\n"),
        ("crlf", "a: 1\r\nb:\r\n  - x\r\n"),
        ("no final newline", "a: 1\nb: 2"),
        ("document end", "a: 1\n...\n"),
        ("comments before ---", "# one\n# two\n---\na: 1\n"),
        ("comment only", "# nothing here\n\n# at all\n"),
        ("empty", ""),
        (
            "mixed styles",
            "a: 'x'\nb: \"y\\n\"\nc: |\n  lit\nd: >-\n  fold\n  ed\ne: [1, {f: g}]\n? complex\n: key\n"
        ),
        ("anchors and tags", "base: &b {cpu: 1}\nuse: *b\nt: !!str 1\nlocal: !thing x\n"),
        ("wrapped plain", "description: a long\n  wrapped plain\n  scalar\n"),
        ("tabs and trailing spaces", "a: b\t \nc:   d  \n"),
    ]

    @Test(arguments: fixtures)
    func fixturePrintsBack(name: String, source: String) throws {
        let file = try YAMLFile(bytes: Array(source.utf8), path: name)
        #expect(file.printed() == Array(source.utf8))
        #expect(file.bytes == Array(source.utf8))
        // Printing copies the gaps between nodes, so the lines above hold by construction; what
        // can fail is content that no node owns.
        try TriviaTests.check(name, Array(source.utf8))
    }

    @Test func emptyAndCommentOnlyFilesHaveNoDocuments() throws {
        #expect(try YAMLFile(bytes: [], path: "e").documents.isEmpty)
        #expect(try YAMLFile(bytes: Array("# c\n".utf8), path: "c").documents.isEmpty)
        #expect(try YAMLFile(bytes: Array("# c\n".utf8), path: "c").events() == "+STR\n-STR\n")
    }

    @Test func nodesKnowTheirComments() throws {
        let source = """
            # The web tier.
            # Scaled by the HPA.
            web:
              # per pod
              cpu: 1  # burst to 2
            """
        let file = try YAMLFile(bytes: Array(source.utf8), path: "c")
        let root = try #require(file.documents.first?.root)
        let web = try #require(root.entries.first)
        #expect(web.key.leadingComments == ["The web tier.", "Scaled by the HPA."])
        let cpu = try #require(web.value.entries.first)
        #expect(cpu.key.leadingComments == ["per pod"])
        #expect(cpu.value.trailingComment == "burst to 2")
        #expect(cpu.key.trailingComment == nil)
        #expect(cpu.value.leadingComments.isEmpty)
        let list = try YAMLFile(bytes: Array("l:\n# first\n- name: a  #x\n".utf8), path: "l")
        let item = try #require(list.documents.first?.root?["l"]?.items.first)
        #expect(item.leadingComments == ["first"])
        #expect(item["name"]?.trailingComment == "x")
    }

    @Test func nodesKnowTheirBytes() throws {
        let source = "a: &x 'q'  # c\nb: [1, two]\n"
        let file = try YAMLFile(bytes: Array(source.utf8), path: "n")
        let root = try #require(file.documents.first?.root)
        let a = try #require(root["a"])
        #expect(a.source == "'q'")
        #expect(a.style == .singleQuoted)
        #expect(a.anchor == "x")
        #expect(a.scalar == "q")
        #expect(a.start == YAMLMark(line: 1, column: 7, offset: 6))
        let b = try #require(root["b"])
        #expect(b.style == .flowSequence)
        #expect(b.byteRange == 18..<26)
        #expect(b.items.map(\.scalar) == ["1", "two"])
        #expect(root.entries.map { $0.key.scalar } == ["a", "b"])
        #expect(root.style == .blockMapping)
    }
}
