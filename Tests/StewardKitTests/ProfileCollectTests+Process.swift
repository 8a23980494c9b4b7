import Foundation
import TestSupport

extension ProfileCollectTests {
    /// What one run of the built `steward` printed and how it exited.
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs the built `steward` with `arguments`; fails when the binary was not built.
    ///
    /// Output goes to files and the exit is awaited without blocking a thread: the fault proxy of
    /// a test runs on the same cooperative threads and must keep answering meanwhile.
    static func steward(_ arguments: [String]) async throws -> Run {
        let binary = try PackagePaths.stewardBinary()
        let directory = try TemporaryDirectory("steward-run")
        let outputPath = directory.path("stdout").path
        let errorPath = directory.path("stderr").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Run(
            status: status, standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
            standardError: try String(contentsOfFile: errorPath, encoding: .utf8))
    }
}
