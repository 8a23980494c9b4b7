internal import CLibYAML
import Foundation
import YAMLSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// `swift run -c release yaml-bench`: parse, print and edit speed of the YAML engine on ~10 MB of
/// real Kubernetes YAML, next to libyaml's event parser on the same bytes in the same run.
/// `--parse-once` and `--libyaml-once` run a single pass of either parser, to count instructions
/// with `valgrind --tool=callgrind`.
@main
enum YAMLBench {
    static func main() throws {
        guard let (input, fileCount) = Corpus.build(target: 10 * 1024 * 1024) else {
            print("yaml-bench: the corpus is missing at \(Corpus.directory)")
            exit(1)
        }
        let megabytes = Double(input.count) / 1_000_000
        print("input: \(input.count) bytes (\(fileCount) corpus files, repeated), from \(Corpus.directory)")

        // One pass of one parser, for instruction counts under callgrind, which do not depend on
        // the machine's load.
        switch CommandLine.arguments.dropFirst().first {
        case "--parse-once":
            let file = try YAMLFile(bytes: input, path: "bench.yaml")
            print("parsed \(file.documents.count) documents")
            return
        case "--libyaml-once":
            print(
                "libyaml: \(input.withUnsafeBufferPointer { clibyaml_count_events($0.baseAddress, $0.count) }) events"
            )
            return
        default:
            break
        }

        let events = input.withUnsafeBufferPointer { clibyaml_count_events($0.baseAddress, $0.count) }
        guard events > 0 else {
            print("yaml-bench: libyaml rejected the input")
            exit(1)
        }
        let heapBefore = Measure.heapInUse()
        let rssBefore = Measure.status("VmRSS")
        let peakReset = Measure.resetPeak()
        var file = try YAMLFile(bytes: input, path: "bench.yaml")
        let peak = Measure.status("VmHWM") - rssBefore
        let retained = Measure.heapInUse() - heapBefore

        // Rounds alternate the two parsers so that both see the same machine load; the best of
        // each counts.
        var libyaml = Double.infinity
        var parse = Double.infinity
        for _ in 0..<12 {
            libyaml = min(
                libyaml,
                Measure.best(runs: 1) {
                    _ = input.withUnsafeBufferPointer { clibyaml_count_events($0.baseAddress, $0.count) }
                })
            parse = min(
                parse, Measure.best(runs: 1) { file = try! YAMLFile(bytes: input, path: "bench.yaml") })
        }

        var printedCount = 0
        let print = Measure.best(runs: 5) {
            printedCount = file.printed().count
        }
        precondition(printedCount == input.count)

        // Scalars spread evenly over the input, in documents without aliases (editing an
        // anchored value would also change its aliases, which the verification refuses).
        var candidates: [(document: Int, path: YAMLPath)] = []
        for document in file.documents {
            let scalars = document.scalarPaths
            if scalars.contains(where: { $0.node.kind == .alias }) { continue }
            for (path, node) in scalars where !node.isEmpty && node.anchor == nil {
                candidates.append((document.index, path))
            }
        }
        let stride = max(candidates.count / 10_000, 1)
        let edits = Swift.stride(from: 0, to: candidates.count, by: stride).prefix(10_000).enumerated().map {
            n, i in
            YAMLEdit.set(document: candidates[i].document, path: candidates[i].path, value: "bench-\(n)")
        }
        var edited = file
        let edit = Measure.best(runs: 3) {
            edited = try! file.applying(edits)
        }
        precondition(edited.bytes != input)

        func rate(_ seconds: Double) -> String {
            String(format: "%8.1f MB/s  (%.3f s)", megabytes / seconds, seconds)
        }
        Swift.print("libyaml events:  \(rate(libyaml))  \(events) events")
        Swift.print("parse to tree:   \(rate(parse))  \(file.documents.count) documents")
        Swift.print("print:           \(rate(print))")
        Swift.print("\(edits.count) edits:    \(rate(edit))  (one applying call: splice, re-parse, verify)")
        Swift.print(String(format: "parse / libyaml: %.2fx", libyaml / parse))
        if peakReset {
            Swift.print(
                String(format: "peak memory during parse / input: %.2fx", Double(peak) / Double(input.count)))
        }
        Swift.print(
            String(format: "tree kept after parse / input: %.2fx", Double(retained) / Double(input.count)))
    }
}
