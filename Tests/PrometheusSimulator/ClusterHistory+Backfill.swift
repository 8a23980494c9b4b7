import Foundation
import TestSupport

extension ClusterHistory {
    /// A TSDB directory holding this history, backfilled with promtool on first use and cached
    /// under the system's temporary directory by ``fingerprint``; copy it before starting
    /// Prometheus on it (``PrometheusServer/start(history:arguments:webConfig:)`` does).
    ///
    /// The stored sample count is checked against the count written, because promtool drops
    /// out-of-order and duplicate samples silently and exits 0.
    public func backfilledDirectory() async throws -> String {
        try await BackfillCache.shared.directory(for: self)
    }

    /// Writes the OpenMetrics files, backfills them into `directory` and verifies the count.
    func backfill(into directory: String) throws {
        let promtool = ExternalTool.promtool
        _ = try promtool.path()
        let files = FileManager.default.temporaryDirectory.appendingPathComponent(
            "steward-openmetrics-\(fingerprint)-\(getpid())"
        ).path
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: files) }
        let (paths, written) = try writeOpenMetrics(to: files)
        // Two promtools at once: each is single-threaded while parsing.
        let failures = LockedErrors()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for (index, path) in paths.enumerated() where index % 2 == worker {
                do {
                    try promtool.run(
                        [
                            "tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=18h", path,
                            directory,
                        ])
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    failures.append(error)
                }
            }
        }
        if let failure = failures.first {
            throw failure
        }
        let stored = try Self.storedSamples(in: directory, promtool: promtool)
        guard stored == written else {
            throw PrometheusSupportError(
                "promtool stored \(stored) of the \(written) samples written to \(files): out-of-order or "
                    + "duplicate samples in the generator")
        }
    }

    /// The sum of the NUM SAMPLES column of `promtool tsdb list`.
    public static func storedSamples(in directory: String, promtool: ExternalTool = .promtool) throws -> Int {
        let listing = try promtool.run(["tsdb", "list", directory])
        var total = 0
        for line in listing.split(separator: "\n").dropFirst() {
            let columns = line.split(whereSeparator: \.isWhitespace)
            guard columns.count >= 5, let samples = Int(columns[4]) else {
                throw PrometheusSupportError("unexpected line from promtool tsdb list: \(line)")
            }
            total += samples
        }
        return total
    }
}

/// Errors gathered from concurrent workers.
private final class LockedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func append(_ error: any Error) {
        lock.withLock { errors.append(error) }
    }

    var first: (any Error)? {
        lock.withLock { errors.first }
    }
}

/// Backfills each history once per machine and once at a time per process.
actor BackfillCache {
    static let shared = BackfillCache()
    private var inFlight: [String: Task<String, any Error>] = [:]

    func directory(for history: ClusterHistory) async throws -> String {
        let key = history.fingerprint
        if let task = inFlight[key] {
            return try await task.value
        }
        let task = Task.detached {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-tsdb-cache")
                .path
            let final = "\(root)/\(key)"
            if FileManager.default.fileExists(atPath: "\(final)/.complete") {
                return final
            }
            let partial = "\(final).partial-\(getpid())"
            try? FileManager.default.removeItem(atPath: partial)
            try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
            do {
                try history.backfill(into: partial)
                _ = FileManager.default.createFile(atPath: "\(partial)/.complete", contents: Data())
                try? FileManager.default.removeItem(atPath: final)
                try FileManager.default.moveItem(atPath: partial, toPath: final)
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
            return final
        }
        inFlight[key] = task
        do {
            let value = try await task.value
            return value
        } catch {
            inFlight[key] = nil
            throw error
        }
    }
}
