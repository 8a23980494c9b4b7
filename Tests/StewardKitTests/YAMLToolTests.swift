import Foundation
import TestSupport
import Testing

/// `steward yaml …`, run as the built binary: exact standard output, standard error and exit code.
@Suite struct YAMLToolTests {
    struct Outcome: Equatable, CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    static func steward(_ arguments: [String]) throws -> Outcome {
        let output = try PackagePaths.steward().result(arguments)
        return Outcome(status: output.status, stdout: output.text, stderr: output.stderr)
    }

    /// A fresh directory holding the given files.
    static func workspace(_ files: [String: [UInt8]]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory("steward-yaml")
        for (name, bytes) in files {
            try Data(bytes).write(to: directory.path(name))
        }
        return directory
    }

    static let deployment = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: app
                image: "nginx:1.25"  # pinned
                resources:
                  limits: {cpu: 500m}

        """

    @Test func eventsPassTheYAMLTestSuite() throws {
        let suite = try PackagePaths.sharedData("yaml-test-suite")
        let fm = FileManager.default
        var folders: [String] = []
        for name in try fm.contentsOfDirectory(atPath: suite.path).sorted() {
            let folder = suite.appendingPathComponent(name)
            if fm.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                folders.append(name)
            } else if let subs = try? fm.contentsOfDirectory(atPath: folder.path) {
                folders += subs.sorted().filter {
                    fm.fileExists(atPath: folder.appendingPathComponent("\($0)/in.yaml").path)
                }
                .map { "\(name)/\($0)" }
            }
        }
        var passed = 0
        var failed: [String] = []
        for id in folders {
            let folder = suite.appendingPathComponent(id)
            let outcome = try Self.steward(["yaml", "events", folder.appendingPathComponent("in.yaml").path])
            let ok: Bool
            if fm.fileExists(atPath: folder.appendingPathComponent("error").path) {
                ok =
                    outcome.status == 1 && outcome.stdout.isEmpty
                    && outcome.stderr.hasPrefix("steward: error: \(folder.path)/in.yaml:")
                    && outcome.stderr.hasSuffix("^\n")
            } else {
                let expected = try String(
                    contentsOf: folder.appendingPathComponent("test.event"), encoding: .utf8)
                ok = outcome.status == 0 && outcome.stdout == expected && outcome.stderr.isEmpty
            }
            if ok { passed += 1 } else { failed.append(id) }
        }
        print("steward yaml events: \(passed) passed, \(failed.count) failed")
        if !failed.isEmpty { print("  failing: \(failed.joined(separator: " "))") }
        #expect(folders.count == 402)
        #expect(passed >= 402)
    }

    @Test func getPrintsValues() throws {
        let dir = try Self.workspace(["d.yaml": Array(Self.deployment.utf8)])
        let file = dir.path("d.yaml").path
        #expect(
            try Self.steward(["yaml", "get", file, "spec.template.spec.containers[name=app].image"])
                == Outcome(status: 0, stdout: "nginx:1.25\n", stderr: ""))
        #expect(
            try Self.steward(["yaml", "get", file, "metadata.name"])
                == Outcome(status: 0, stdout: "web\nweb\n", stderr: ""))
        #expect(
            try Self.steward(["yaml", "get", file, "kind", "--doc", "1"])
                == Outcome(status: 0, stdout: "Deployment\n", stderr: ""))
        #expect(
            try Self.steward([
                "yaml", "get", file, "spec.template.spec.containers[0]", "--select",
                "kind=Deployment,name=web",
            ])
                == Outcome(
                    status: 0,
                    stdout: "name: app\nimage: \"nginx:1.25\"  # pinned\nresources:\n  limits: {cpu: 500m}\n",
                    stderr: ""))
        #expect(
            try Self.steward(["yaml", "get", file, "spec.replicas", "--doc", "1"])
                == Outcome(
                    status: 1, stdout: "",
                    stderr: "steward: error: \(file): 'spec.replicas' does not resolve in document 1\n"))
        #expect(
            try Self.steward(["yaml", "get", file, "a..b"])
                == Outcome(
                    status: 2, stdout: "", stderr: "steward: error: invalid path 'a..b' at 3: empty key\n"))
    }

    @Test func setPrintsOrWritesTheEditedFile() throws {
        let dir = try Self.workspace(["d.yaml": Array(Self.deployment.utf8)])
        let file = dir.path("d.yaml").path
        let limits = "spec.template.spec.containers[name=app].resources.limits"
        let printed = try Self.steward([
            "yaml", "set", file, limits + ".memory", "256Mi", "--select", "kind=Deployment",
        ])
        let expected = Self.deployment.replacingOccurrences(
            of: "{cpu: 500m}", with: "{cpu: 500m, memory: 256Mi}")
        #expect(printed == Outcome(status: 0, stdout: expected, stderr: ""))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.deployment)

        let written = try Self.steward([
            "yaml", "set", file, limits + ".cpu", "750m", "--doc", "1", "--in-place",
        ])
        #expect(written == Outcome(status: 0, stdout: "", stderr: ""))
        #expect(
            try String(contentsOfFile: file, encoding: .utf8)
                == Self.deployment.replacingOccurrences(of: "cpu: 500m", with: "cpu: 750m"))
        // 500m was a string; a plain 1 would read as a number, so it is quoted.
        _ = try Self.steward(["yaml", "set", file, limits + ".cpu", "1", "--doc", "1", "--in-place"])
        #expect(
            try String(contentsOfFile: file, encoding: .utf8)
                == Self.deployment.replacingOccurrences(of: "cpu: 500m", with: "cpu: \"1\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["d.yaml"])
    }

    @Test func setRefusesWhatItCannotDo() throws {
        let dir = try Self.workspace(["d.yaml": Array(Self.deployment.utf8)])
        let file = dir.path("d.yaml").path
        #expect(
            try Self.steward(["yaml", "set", file, "metadata", "x", "--doc", "1", "--in-place"])
                == Outcome(
                    status: 1, stdout: "",
                    stderr:
                        "steward: error: \(file):8:3: 'metadata' is a mapping, not a scalar\n  name: web\n  ^\n"
                ))
        #expect(
            try Self.steward(["yaml", "set", file, "kind", "x"])
                == Outcome(
                    status: 1, stdout: "",
                    stderr:
                        "steward: error: \(file) has 2 documents; choose one with --doc N or --select kind=KIND,name=NAME\n"
                ))
        #expect(
            try Self.steward([
                "yaml", "set", file, "spec.template.spec.containers[name=db].image", "x", "--doc", "1",
            ])
                == Outcome(
                    status: 1, stdout: "",
                    stderr:
                        "steward: error: \(file):13:7: 'spec.template.spec.containers[name=db]' does not exist: no item has name=db\n      - name: app\n      ^\n"
                ))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.deployment)
    }

    @Test func pathsListsEveryScalar() throws {
        let dir = try Self.workspace(["d.yaml": Array(Self.deployment.utf8)])
        let outcome = try Self.steward(["yaml", "paths", dir.path("d.yaml").path])
        #expect(
            outcome
                == Outcome(
                    status: 0,
                    stdout: """
                        --- # document 0
                        apiVersion
                        kind
                        metadata.name
                        --- # document 1
                        apiVersion
                        kind
                        metadata.name
                        spec.template.spec.containers[0].name
                        spec.template.spec.containers[0].image
                        spec.template.spec.containers[0].resources.limits.cpu

                        """, stderr: ""))
    }

    @Test func checkReportsTheFirstErrorOfEachBadFile() throws {
        var invalidUTF8 = Array("a: ok\nb: caf".utf8)
        invalidUTF8 += [0xE9, 0x0A]
        let files: [String: [UInt8]] = [
            "good.yaml": Array("a: 1\n".utf8),
            "tab.yaml": Array("a:\n\tb: 1\n".utf8),
            "quote.yaml": Array("a: 'open\n".utf8),
            "dup.yaml": Array("a: 1\nb: 2\na: 3\n".utf8),
            "escape.yaml": Array("a: \"\\z\"\n".utf8),
            "utf8.yaml": invalidUTF8,
        ]
        let dir = try Self.workspace(files)
        func path(_ name: String) -> String { dir.path(name).path }
        #expect(
            try Self.steward(["yaml", "check", path("good.yaml")])
                == Outcome(status: 0, stdout: "", stderr: ""))
        let outcome = try Self.steward(
            ["yaml", "check"]
                + ["good.yaml", "tab.yaml", "quote.yaml", "dup.yaml", "escape.yaml", "utf8.yaml"].map(path))
        #expect(
            outcome
                == Outcome(
                    status: 1, stdout: "",
                    stderr: """
                        steward: error: \(path("tab.yaml")):2:2: a tab cannot be used to indent a mapping key
                        \tb: 1
                        \t^
                        \(path("quote.yaml")):1:4: unclosed single-quoted scalar: missing closing '
                        a: 'open
                           ^
                        \(path("dup.yaml")):3:1: duplicate key a (first defined at line 1)
                        a: 3
                        ^
                        \(path("escape.yaml")):1:5: invalid escape sequence in a double-quoted scalar
                        a: "\\z"
                            ^
                        \(path("utf8.yaml")):2:7: invalid UTF-8 byte 0xE9
                        b: caf\u{FFFD}
                              ^

                        """))
    }

    @Test func missingFile() throws {
        #expect(
            try Self.steward(["yaml", "check", "/nonexistent/steward.yaml"])
                == Outcome(
                    status: 1, stdout: "",
                    stderr:
                        "steward: error: /nonexistent/steward.yaml: cannot open: No such file or directory\n")
        )
    }

    /// A file the YAML engine rejects, with the error `steward yaml set` must print for it.
    struct BadFile: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// The error after `FILE:`, then the offending line and the caret line.
        var error: String
        var description: String { name }
    }

    /// Every kind of bad input the engine's own tests reject (`Tests/YAMLSyntaxTests/BadInputTests`).
    static let badFiles: [BadFile] = [
        BadFile(
            name: "bad escape", bytes: Array("a: 1\nb: \"x\\q\"\n".utf8),
            error: "2:6: invalid escape sequence in a double-quoted scalar\nb: \"x\\q\"\n     ^"),
        BadFile(
            name: "unclosed quote", bytes: Array("a: 1\nb: \"open\nc: 2\n".utf8),
            error: "2:4: unclosed double-quoted scalar: missing closing \"\nb: \"open\n   ^"),
        BadFile(
            name: "tab indentation", bytes: Array("a:\n\tb: 1\n".utf8),
            error: "2:2: a tab cannot be used to indent a mapping key\n\tb: 1\n\t^"),
        BadFile(
            name: "duplicate key", bytes: Array("a: 1\nimage: x\na: 3\n".utf8),
            error: "3:1: duplicate key a (first defined at line 1)\na: 3\n^"),
        BadFile(
            name: "invalid UTF-8", bytes: Array("a: b\nc: d".utf8) + [0xC3, 0xFF, 0x0A],
            error: "2:5: invalid UTF-8 byte 0xC3\nc: d\u{FFFD}\u{FFFD}\n    ^"),
        BadFile(
            name: "wrong indentation", bytes: Array("a:\n  b: 1\n c: 2\n".utf8),
            error: "3:2: expected a mapping key at this indentation\n c: 2\n ^"),
        BadFile(
            name: "flow content not indented", bytes: Array("a: [x,\nb]\n".utf8),
            error: "2:1: flow content must be indented more than the enclosing block (column 1)\nb]\n^"),
        BadFile(
            name: "alias bomb", bytes: Array(aliasBomb.utf8),
            error: "2:10: aliases expand to more than 1000000 nodes; refusing to read this document\n"
                + "a1: &a1 [\(Array(repeating: "*a0", count: 10).joined(separator: ", "))]\n         ^"),
    ]

    /// Nine levels of ten aliases each: 10⁹ nodes if expanded.
    static let aliasBomb = (1..<9).reduce("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n") { text, level in
        text + "a\(level): &a\(level) ["
            + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }

    @Test(arguments: badFiles)
    func badInputIsNeverWritten(_ bad: BadFile) throws {
        let dir = try Self.workspace(["bad.yaml": bad.bytes])
        let file = dir.path("bad.yaml").path
        let expected = Outcome(status: 1, stdout: "", stderr: "steward: error: \(file):\(bad.error)\n")
        #expect(try Self.steward(["yaml", "set", file, "a", "2", "--in-place"]) == expected)
        #expect(try Self.steward(["yaml", "set", file, "a", "2"]) == expected)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: file))) == bad.bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["bad.yaml"])
    }
}
