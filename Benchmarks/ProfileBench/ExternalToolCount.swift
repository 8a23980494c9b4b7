import Foundation
import TestSupport

/// What the benchmark reads from promtool and prometheus themselves.
enum ExternalToolCount {
    /// Samples stored in a TSDB directory, per `promtool tsdb list`.
    static func storedSamples(_ directory: String) throws -> Int {
        let listing = try output("promtool", ["tsdb", "list", directory])
        return listing.split(separator: "\n").dropFirst().reduce(0) { total, line in
            let columns = line.split(whereSeparator: \.isWhitespace)
            return total + (columns.count >= 5 ? Int(columns[4]) ?? 0 : 0)
        }
    }

    static func prometheusVersion() throws -> String {
        let text = try output("prometheus", ["--version"])
        return text.split(separator: "\n").first.map {
            String($0.split(separator: " ").dropFirst(2).first ?? "")
        } ?? ""
    }

    private static func output(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PrometheusSupportError("\(name) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
