import ClientSupport
import Foundation

/// Stock `git`, run in the demo's remote: the demo shows its proof with the tool a reviewer
/// would use, not with Steward's own libgit2 code.
struct DemoGit {
    /// What one command printed and how it exited.
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    let repository: String

    /// Runs `git -C <repository> arguments…`; nil when git cannot be started. git is waited for
    /// on a thread of its own, not on one of the cooperative pool's few.
    func run(_ arguments: [String]) async -> Output? {
        let repository = self.repository
        return try? await offCooperativePool { Self.run(arguments, in: repository) }
    }

    private static func run(_ arguments: [String], in repository: String) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return nil
        }
        // git writes a few lines to stderr at most, so reading stdout to its end first cannot
        // leave git blocked on a full stderr pipe.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutput: String(decoding: printed, as: UTF8.self),
            standardError: String(decoding: said, as: UTF8.self))
    }
}
