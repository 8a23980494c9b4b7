import Foundation
import TestSupport

/// A real Prometheus (Debian's `prometheus` package) on 127.0.0.1 and a free port, answering
/// PromQL over a copy of a backfilled data directory. No scrape targets: the data is history.
///
/// ```swift
/// let server = try await PrometheusServer.start(history: .fixture())
/// defer { server.stop() }
/// // server.url is "http://127.0.0.1:<port>"; query at history.end, not now (5m lookback).
/// ```
///
/// The server stops on ``stop()`` or when the object goes away, and its data copy is deleted.
/// Starting fails with the install command when `prometheus` is missing.
public final class PrometheusServer: @unchecked Sendable {
    /// `http://127.0.0.1:<port>` (or `https://` with a TLS web config).
    public let url: String
    public let port: Int
    /// The process id, e.g. to read its peak memory.
    public let pid: Int32
    private let process: Process
    private let workDirectory: String
    private let lock = NSLock()
    private var stopped = false

    private init(url: String, port: Int, process: Process, workDirectory: String) {
        self.url = url
        self.port = port
        self.process = process
        self.pid = process.processIdentifier
        self.workDirectory = workDirectory
    }

    deinit {
        stop()
    }

    /// Backfills `history` (once, cached) and starts a server on a copy of it.
    public static func start(
        history: ClusterHistory, arguments: [String] = [], webConfig: String? = nil
    ) async throws -> PrometheusServer {
        try await start(
            dataFrom: try await history.backfilledDirectory(), arguments: arguments, webConfig: webConfig)
    }

    /// Starts a server on a copy of the TSDB directory `source`.
    ///
    /// - Parameters:
    ///   - arguments: extra flags, e.g. `--query.max-samples=1000`.
    ///   - webConfig: the text of a `--web.config.file` (TLS, basic auth); the URL becomes https
    ///     when it has a `tls_server_config`.
    public static func start(dataFrom source: String, arguments: [String] = [], webConfig: String? = nil)
        async throws -> PrometheusServer
    {
        let binary = try ExternalTool.prometheus.path()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "steward-prometheus-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        do {
            try ExternalTool.copy.run(["-a", source, "\(work)/data"])
            try? FileManager.default.removeItem(atPath: "\(work)/data/.complete")
            try "global:\n  scrape_interval: 1m\n".write(
                toFile: "\(work)/prometheus.yml", atomically: true, encoding: .utf8)
            var flags = [
                "--config.file=\(work)/prometheus.yml", "--storage.tsdb.path=\(work)/data",
                // Retention counts from the newest block: keep backfilled history however old.
                "--storage.tsdb.retention.time=3650d",
                // Without these Prometheus compacts the backfilled blocks a minute after start.
                "--storage.tsdb.min-block-duration=2h", "--storage.tsdb.max-block-duration=2h",
                "--log.level=info",
            ]
            var scheme = "http"
            if let webConfig {
                try webConfig.write(toFile: "\(work)/web.yml", atomically: true, encoding: .utf8)
                flags.append("--web.config.file=\(work)/web.yml")
                if webConfig.contains("tls_server_config") { scheme = "https" }
            }
            for _ in 0..<5 {
                let port = try freePort()
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = flags + ["--web.listen-address=127.0.0.1:\(port)"] + arguments
                process.standardOutput = FileHandle.nullDevice
                _ = FileManager.default.createFile(atPath: "\(work)/prometheus.log", contents: nil)
                process.standardError = FileHandle(forWritingAtPath: "\(work)/prometheus.log")
                try process.run()
                let server = PrometheusServer(
                    url: "\(scheme)://127.0.0.1:\(port)", port: port, process: process, workDirectory: work)
                if try await server.waitUntilReady(log: "\(work)/prometheus.log") {
                    return server
                }
                // Another process took the port first: try another one.
                server.stop(keepFiles: true)
            }
            let log = (try? String(contentsOfFile: "\(work)/prometheus.log", encoding: .utf8)) ?? ""
            throw PrometheusSupportError("prometheus did not start: \(log.suffix(2000))")
        } catch {
            try? FileManager.default.removeItem(atPath: work)
            throw error
        }
    }

    /// Stops the server and deletes its data copy; safe to call twice.
    public func stop() {
        stop(keepFiles: false)
    }

    private func stop(keepFiles: Bool) {
        let alreadyStopped = lock.withLock {
            let was = stopped
            stopped = true
            return was
        }
        if !alreadyStopped, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        if !keepFiles {
            try? FileManager.default.removeItem(atPath: workDirectory)
        }
    }

    /// The server's peak resident memory so far (`VmHWM` of `/proc/<pid>/status`), in bytes.
    public func peakMemoryBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return nil
        }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            if fields.count >= 2, let kilobytes = Int(fields[1]) {
                return kilobytes * 1024
            }
        }
        return nil
    }

    /// Waits up to 30 s for Prometheus to log that it is ready (its TSDB is open), which works
    /// for http and https alike; false when the process exited (e.g. the port was taken).
    private func waitUntilReady(log: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text.contains("Server is ready to receive web requests.") {
                return true
            }
            guard process.isRunning else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PrometheusSupportError("prometheus at \(url) was not ready within 30 s")
    }

    /// A port the kernel says is free now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PrometheusSupportError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else { throw PrometheusSupportError("bind() to 127.0.0.1:0 failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
