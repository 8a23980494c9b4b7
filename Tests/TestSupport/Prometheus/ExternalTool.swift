import Foundation

/// Runs the Debian `prometheus` package's programs, failing with the install command when they
/// are missing.
enum ExternalTool {
    static let installHint = "install it: apt-get install --no-install-recommends prometheus"

    /// The absolute path of `name` on PATH (or in /usr/bin), or an error naming the package.
    static func locate(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw PrometheusSupportError("\(name) not found on PATH: \(installHint)")
    }

    /// Runs a program to completion and returns its standard output; a non-zero exit throws with
    /// its standard error.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would block the child forever.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
            throw PrometheusSupportError(
                "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): "
                    + message.suffix(2000))
        }
        return String(decoding: outputData, as: UTF8.self)
    }
}
