internal import CLibYAML

#if canImport(Glibc)
    import Glibc
#endif

/// Timing and memory readings for the benchmark.
enum Measure {
    /// The fastest of `runs` runs of `body`, in seconds.
    static func best(runs: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            body()
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        return best
    }

    /// A field of /proc/self/status in bytes (VmHWM: peak resident set, VmRSS: resident set).
    static func status(_ field: String) -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix(field + ":") {
                let digits = text.dropFirst(field.count + 1).filter(\.isNumber)
                return (Int(digits) ?? 0) * 1024
            }
        }
        return 0
    }

    /// Resets the peak resident set (VmHWM) to the current one (Linux: `echo 5 > /proc/self/clear_refs`).
    static func resetPeak() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    /// Bytes the allocator has handed out and not yet taken back.
    static func heapInUse() -> Int {
        Int(bench_heap_in_use())
    }
}
