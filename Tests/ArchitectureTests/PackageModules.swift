import Foundation

/// What the layering check reads from the package itself: the targets and their declared
/// dependencies (`swift package dump-package`), the modules their sources import, and the table
/// of docs/architecture.md.
enum PackageModules {
    /// Modules of the toolchain, which no target declares.
    static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization",
    ]

    /// The check's inputs for the package at `root`, over its library and executable targets
    /// under `Sources/`.
    static func check(root: URL) throws -> LayeringCheck {
        let manifest = try dumpPackage(root: root)
        var imported: [String: Set<String>] = [:]
        var declared: [String: Set<String>] = [:]
        for target in manifest.targets where target.type == "system" {
            // A C module has no Swift imports; it is a layer others stand on.
            guard target.path == nil || target.path?.hasPrefix("Sources/") == true else { continue }
            imported[target.name] = []
        }
        for target in manifest.targets where ["regular", "executable"].contains(target.type) {
            let path = target.path ?? "Sources/\(target.name)"
            guard path.hasPrefix("Sources/") else { continue }
            imported[target.name] = try imports(in: root.appendingPathComponent(path)).subtracting(toolchain)
            declared[target.name] = Set(target.dependencies.compactMap(\.module))
        }
        let table = try documentedTable(root.appendingPathComponent("docs/architecture.md"))
        return LayeringCheck(
            layers: table.map(\.target),
            documented: Dictionary(table.map { ($0.target, $0.imports) }, uniquingKeysWith: { $1 }),
            imported: imported, declared: declared)
    }

    /// The targets of the document's table, in its order, with the targets its third column names
    /// in backticks.
    static func documentedTable(_ file: URL) throws -> [(target: String, imports: Set<String>)] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5, cells[1].hasPrefix("`"), cells[1].hasSuffix("`") else { return nil }
            return (String(cells[1].dropFirst().dropLast()), Set(backticked(cells[3])))
        }
    }

    /// The modules the Swift files under `folder` import.
    static func imports(in folder: URL) throws -> Set<String> {
        let pattern = try Regex(
            #"^\s*(?:@\w+\s+)*(?:(?:internal|package|public|private|fileprivate)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#
        ).anchorsMatchLineEndings()
        var modules: Set<String> = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { modules.insert(String(name)) }
            }
        }
        return modules
    }

    private static func backticked(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { index, part in
            index % 2 == 1 ? String(part) : nil
        }
    }

    /// `swift package dump-package` failed: its exit status and what it said.
    struct DumpPackageFailed: Error {
        var status: Int32
        var stderr: String
    }

    private static func dumpPackage(root: URL) throws -> Manifest {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `swift test` holds the lock on `.build`, so the manifest is read with a scratch folder
        // of its own; dump-package builds nothing there.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "steward-dump-package-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        process.arguments = ["swift", "package", "--scratch-path", scratch.path, "dump-package"]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DumpPackageFailed(
                status: process.terminationStatus, stderr: String(decoding: message, as: UTF8.self))
        }
        return try JSONDecoder().decode(Manifest.self, from: data)
    }
}
