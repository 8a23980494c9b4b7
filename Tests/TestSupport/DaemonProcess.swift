import Foundation

/// A long-running server process (sshd, stunnel) started with `posix_spawn` and stopped with a
/// signal.
///
/// Foundation's `Process` is not used for daemons: it detects a child's exit by a descriptor
/// the child keeps open; daemons close every descriptor when they start, and Foundation then
/// blocks in `waitpid` on a process that never exits, stalling every other `Process` in the
/// test run.
public final class DaemonProcess: Sendable {
    /// The process id.
    public let pid: pid_t
    /// The command line, for messages.
    public let command: String

    /// Starts `executable` with `arguments`; standard streams are inherited, so daemons should
    /// log to a file of their own.
    public init(_ executable: String, _ arguments: [String]) throws {
        command = ([executable] + arguments).joined(separator: " ")
        var cArguments: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer {
            for argument in cArguments { free(argument) }
        }
        // The test runner blocks some signals on its threads, and a spawned child inherits that
        // mask: without a clean one, a daemon ignores SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, nil, &attributes, &cArguments, environ)
        guard result == 0 else {
            throw ExternalToolError.failed(command: command, status: result, stderr: "posix_spawn failed")
        }
        self.pid = pid
    }

    /// Whether the process has exited (it is reaped then).
    public var hasExited: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) != 0
    }

    /// Waits (at most `attempts` × 50 ms) until something listens on `host`:`port`.
    /// - Throws: when the process exits first or the time runs out; `log` is read for the message.
    public func waitUntilListening(
        on port: Int, host: String = "127.0.0.1", log: String, attempts: Int = 100
    ) throws {
        for _ in 0..<attempts {
            if hasExited {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw ExternalToolError.failed(command: command, status: -1, stderr: text)
            }
            if Self.canConnect(host, port) { return }
            usleep(50_000)
        }
        stop()
        throw ExternalToolError.failed(command: command, status: -1, stderr: "not listening on port \(port)")
    }

    /// Sends SIGTERM, then SIGKILL if the process is still there after two seconds, and reaps
    /// it so no zombie is left; calling it again does nothing.
    public func stop() {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == 0 else { return }
        kill(pid, SIGTERM)
        for _ in 0..<40 {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
    }

    /// A port the kernel reports free on 127.0.0.1 right now, for daemons that cannot bind port
    /// 0 and report the port they got.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            throw ExternalToolError.failed(command: "bind 127.0.0.1:0", status: errno, stderr: "")
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(_ host: String, _ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = loopback(port: port, host: host)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int, host: String = "127.0.0.1") -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
