import Foundation

/// A command-line program that tests run for real (`git`, `ssh-keygen`, `sshd`, …).
///
/// A test that needs a tool it cannot find fails with the command that installs it, instead of
/// skipping: `try ExternalTool.git.run(["init", dir])`.
public struct ExternalTool: Sendable {
    /// The executable's name, or an absolute path (`/usr/sbin/sshd` is not on every PATH).
    public let name: String
    /// The command that installs the tool on Debian, shown when it is missing.
    public let install: String

    /// Describes a tool and how to install it.
    public init(name: String, install: String) {
        self.name = name
        self.install = install
    }

    /// The `git` CLI.
    public static let git = ExternalTool(
        name: "git", install: "apt-get install -y --no-install-recommends git")
    /// OpenSSH's `ssh-keygen`, used to make keys and check SSHSIG signatures.
    public static let sshKeygen = ExternalTool(
        name: "ssh-keygen", install: "apt-get install -y --no-install-recommends openssh-client")
    /// Prometheus' server, started on loopback over backfilled history.
    public static let prometheus = ExternalTool(
        name: "prometheus", install: "apt-get install -y --no-install-recommends prometheus")
    /// Prometheus' `promtool`, which backfills OpenMetrics history into TSDB blocks.
    public static let promtool = ExternalTool(
        name: "promtool", install: "apt-get install -y --no-install-recommends prometheus")
    /// `cp`, to copy cached data directories with their modes.
    public static let copy = ExternalTool(name: "/bin/cp", install: "apt-get install -y coreutils")
    /// OpenSSH's server, run on loopback by the SSH transport tests.
    public static let sshd = ExternalTool(
        name: "/usr/sbin/sshd", install: "apt-get install -y --no-install-recommends openssh-server")

    /// The OpenSSL command-line tool, used to make test certificates.
    public static let openssl = ExternalTool(
        name: "openssl", install: "apt-get install -y --no-install-recommends openssl")
    /// stunnel, which puts TLS in front of the loopback Git server for HTTPS tests.
    public static let stunnel = ExternalTool(
        name: "stunnel4", install: "apt-get install -y --no-install-recommends stunnel4")

    /// The absolute path of the executable.
    /// - Throws: `ExternalToolError.missing` with the install command when it is not found.
    public func path() throws -> String {
        if name.hasPrefix("/") {
            guard FileManager.default.isExecutableFile(atPath: name) else {
                throw ExternalToolError.missing(tool: name, install: install)
            }
            return name
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ExternalToolError.missing(tool: name, install: install)
    }

    /// Runs the tool to completion and returns what it printed, whatever its exit status.
    ///
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - directory: the working directory, or the current one.
    ///   - environment: variables added to (or replacing) the test process's environment.
    ///   - input: bytes written to standard input, which is then closed.
    public func result(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        input: [UInt8] = []
    ) throws -> ExternalToolOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Each stream on a thread of its own, so a child that fills one pipe while we wait on
        // another cannot deadlock. Threads, not the global dispatch queue: its few workers may all
        // be waiting in tools run at once (two promtools per backfill, tests in parallel), and a
        // reader queued behind them would never run.
        let group = DispatchGroup()
        let collected = CollectedStreams()
        func onThread(_ body: @escaping @Sendable () -> Void) {
            group.enter()
            Thread {
                body()
                group.leave()
            }.start()
        }
        onThread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        onThread { collected.setStdout(stdout.fileHandleForReading.readDataToEndOfFile()) }
        onThread { collected.setStderr(stderr.fileHandleForReading.readDataToEndOfFile()) }
        group.wait()
        process.waitUntilExit()
        return ExternalToolOutput(
            command: ([name] + arguments).joined(separator: " "), status: process.terminationStatus,
            stdout: [UInt8](collected.stdout), stderr: String(decoding: collected.stderr, as: UTF8.self))
    }

    /// Runs the tool and returns its standard output as text, without the final newline.
    /// - Throws: `ExternalToolError.failed` with the command and its stderr on a non-zero exit.
    @discardableResult
    public func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        input: [UInt8] = []
    ) throws -> String {
        let output = try result(arguments, in: directory, environment: environment, input: input)
        guard output.status == 0 else {
            throw ExternalToolError.failed(
                command: output.command, status: output.status, stderr: output.stderr)
        }
        var text = output.text
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// What a finished tool printed and how it exited.
public struct ExternalToolOutput: Sendable {
    /// The command line, for messages.
    public let command: String
    /// The exit status.
    public let status: Int32
    /// Standard output, byte for byte.
    public let stdout: [UInt8]
    /// Standard error as text.
    public let stderr: String

    /// Standard output as text.
    public var text: String { String(decoding: stdout, as: UTF8.self) }
}

/// Why a tool could not be used.
public enum ExternalToolError: Error, CustomStringConvertible {
    /// The tool is not installed; `install` is the command that installs it.
    case missing(tool: String, install: String)
    /// The tool exited with a non-zero status.
    case failed(command: String, status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .missing(let tool, let install):
            return "\(tool) is not installed; install it with: \(install)"
        case .failed(let command, let status, let stderr):
            return "`\(command)` exited with \(status): \(stderr)"
        }
    }
}

/// Output gathered by reader threads; the group's wait orders the writes before the reads.
private final class CollectedStreams: @unchecked Sendable {
    private(set) var stdout = Data()
    private(set) var stderr = Data()
    func setStdout(_ data: Data) { stdout = data }
    func setStderr(_ data: Data) { stderr = data }
}
