import Foundation
import Testing

/// Test data kept in `../shared` beside the package root, located from this file's path.
enum SharedData {
    /// The package root: three levels above this file (`Tests/YAMLSyntaxTests/Support`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "shared test data is missing at \(path); it is part of the project's shared/ folder beside the package"
        }
    }

    /// `../shared/<name>`, or a failure naming the missing folder.
    static func directory(_ name: String) throws -> URL {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
            .appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw Missing(path: url.path)
        }
        return url
    }

    /// Every `.yaml`/`.yml` file of the corpus, sorted, as paths relative to the corpus folder.
    static func corpusFiles() throws -> [(name: String, bytes: [UInt8])] {
        let root = try directory("corpus")
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw Missing(path: root.path)
        }
        var files: [(String, [UInt8])] = []
        for case let relative as String in enumerator
        where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            let data = try Data(contentsOf: root.appendingPathComponent(relative))
            files.append((relative, [UInt8](data)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// One case of the YAML test suite.
    struct SuiteCase {
        var id: String
        var input: [UInt8]
        var expectedEvents: String?
        var isError: Bool
    }

    /// Every case of `../shared/yaml-test-suite` (folders `ID/` or `ID/NN/` holding `in.yaml`).
    static func suiteCases() throws -> [SuiteCase] {
        let root = try directory("yaml-test-suite")
        let fm = FileManager.default
        var cases: [SuiteCase] = []
        func load(_ id: String, _ url: URL) throws {
            let input = [UInt8](try Data(contentsOf: url.appendingPathComponent("in.yaml")))
            let events = try? String(contentsOf: url.appendingPathComponent("test.event"), encoding: .utf8)
            let isError = fm.fileExists(atPath: url.appendingPathComponent("error").path)
            cases.append(SuiteCase(id: id, input: input, expectedEvents: events, isError: isError))
        }
        for name in try fm.contentsOfDirectory(atPath: root.path).sorted() {
            let url = root.appendingPathComponent(name)
            if fm.fileExists(atPath: url.appendingPathComponent("in.yaml").path) {
                try load(name, url)
            } else if let subcases = try? fm.contentsOfDirectory(atPath: url.path) {
                for sub in subcases.sorted()
                where fm.fileExists(
                    atPath: url.appendingPathComponent(sub).appendingPathComponent("in.yaml").path)
                {
                    try load(name + "/" + sub, url.appendingPathComponent(sub))
                }
            }
        }
        return cases
    }
}
