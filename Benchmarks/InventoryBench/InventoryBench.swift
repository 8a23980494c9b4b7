import Kubernetes
import TestSupport
import YAMLSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// `swift run -c release inventory-bench [APPS] [--once | --mapping-only]`: the inventory of a synthetic
/// monorepo (2,000 apps with a base and three overlays each, Helm charts) against parsing the
/// same bytes alone, in the same run: CPU time of each (best of several rounds, alternated) and
/// peak memory.
@main
enum InventoryBench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let apps = arguments.first.flatMap { Int($0) } ?? 2000
        let files = SyntheticMonorepo.files(apps: apps, charts: 20)
        let tree = InMemoryFileTree(files)
        // `--once` takes the inventory once and nothing else, to profile the whole of it under
        // `valgrind --tool=callgrind`.
        if arguments.contains("--once") {
            print("targets: \(try Inventory(tree: tree).targets.count)")
            return
        }
        // `--mapping-only` renders the targets of one snapshot a few times and nothing else, to
        // profile that stage under `perf record`.
        if arguments.contains("--mapping-only") {
            let snapshot = try RepositorySnapshot(tree: tree)
            for _ in 0..<3 { print("targets: \(Inventory(snapshot: snapshot).targets.count)") }
            return
        }
        let yamlPaths = files.keys.filter { $0.hasSuffix(".yaml") && !$0.contains("/templates/") }.sorted()
        let bytes = yamlPaths.reduce(0) { $0 + files[$1]!.count }
        print(
            "input: \(files.count) files, \(yamlPaths.count) YAML files to parse, "
                + "\(bytes) bytes (\(apps) apps x base + 3 overlays, 20 charts)")

        let rssBefore = Peak.status("VmRSS")
        let peakReset = Peak.reset()
        let inventory = try Inventory(tree: tree)
        let inventoryPeak = Peak.status("VmHWM") - rssBefore
        let workloads = inventory.targets.reduce(0) { $0 + $1.workloads.count }
        let containers = inventory.targets.reduce(0) { total, target in
            total + target.workloads.reduce(0) { $0 + $1.containers.count }
        }
        let located = inventory.targets.reduce(0) { total, target in
            total
                + target.workloads.reduce(0) { sum, workload in
                    sum + workload.containers.reduce(0) { $0 + $1.locations.count }
                }
        }
        let problems = inventory.problems.count + inventory.targets.reduce(0) { $0 + $1.problems.count }
        print(
            "inventory: \(inventory.targets.count) targets, \(workloads) rendered workloads, "
                + "\(containers) containers, \(located) fields with a defining location, \(problems) problems"
        )

        // Rounds alternate the measurements so that all see the same machine load; the best of
        // each counts.
        var parseOnly = Double.infinity
        var parseKept = Double.infinity
        var reading = Double.infinity
        var mapping = Double.infinity
        var full = Double.infinity
        for _ in 0..<5 {
            parseOnly = min(
                parseOnly,
                Clock.seconds {
                    for path in yamlPaths {
                        _ = try? YAMLFile(bytes: files[path]!, path: path)
                    }
                })
            // The same parse with every tree kept until the end, as the inventory keeps them.
            parseKept = min(
                parseKept,
                Clock.seconds {
                    var kept: [YAMLFile] = []
                    kept.reserveCapacity(yamlPaths.count)
                    for path in yamlPaths {
                        if let file = try? YAMLFile(bytes: files[path]!, path: path) { kept.append(file) }
                    }
                })
            var snapshot: RepositorySnapshot?
            reading = min(reading, Clock.seconds { snapshot = try? RepositorySnapshot(tree: tree) })
            if let snapshot {
                mapping = min(mapping, Clock.seconds { _ = Inventory(snapshot: snapshot) })
            }
            full = min(full, Clock.seconds { _ = try? Inventory(tree: tree) })
        }
        let megabytes = Double(bytes) / 1_000_000
        print(
            "parse only:            \(format(parseOnly * 1000)) ms  (\(format(megabytes / parseOnly)) MB/s)")
        print(
            "  parse, trees kept:   \(format(parseKept * 1000)) ms  (the same parse, every tree kept until the end)"
        )
        print("  reading the tree:    \(format(reading * 1000)) ms  (parse, template texts, folder index)")
        print("  discovery, mapping:  \(format(mapping * 1000)) ms  (targets, rendering, defining locations)")
        print("discovery and mapping: \(format(full * 1000)) ms  (all of it, parse included)")
        print("ratio:                 \(format(full / parseOnly))x parse-only  (goal: at most 2x)")
        print(
            "peak memory:           \(format(Double(inventoryPeak) / 1_048_576)) MiB above the input "
                + "while taking the inventory\(peakReset ? "" : " (peak not reset: approximate)"); "
                + "process peak \(format(Double(Peak.status("VmHWM")) / 1_048_576)) MiB  (goal: under 300 MB)"
        )
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return String(rounded)
    }
}

/// CPU time of the calling thread: on a machine shared with other builds, time spent waiting
/// for a core is not the code's.
enum Clock {
    static func seconds(_ body: () -> Void) -> Double {
        let start = now()
        body()
        return now() - start
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Resident memory of this process from `/proc/self/status`.
enum Peak {
    /// A field in bytes (VmHWM: peak resident set, VmRSS: resident set).
    static func status(_ field: String) -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix(field + ":") {
                return (Int(text.dropFirst(field.count + 1).filter(\.isNumber)) ?? 0) * 1024
            }
        }
        return 0
    }

    /// Resets the peak to the current resident set (`echo 5 > /proc/self/clear_refs`).
    static func reset() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }
}
