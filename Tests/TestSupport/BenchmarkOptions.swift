import Foundation

/// A benchmark's command line: `--name N` options with positive whole numbers, each with a
/// default. Anything else is the user's mistake, not a crash: the usage goes to standard error
/// and the program exits 2.
public struct BenchmarkOptions {
    private var values: [String: Int]

    /// Reads `arguments` (the program name first, as in `CommandLine.arguments`).
    public init(_ arguments: [String], program: String, defaults: KeyValuePairs<String, Int>) {
        values = Dictionary(uniqueKeysWithValues: defaults.map { ($0.key, $0.value) })
        let usage = "usage: \(program) " + defaults.map { "[--\($0.key) N]" }.joined(separator: " ")
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard flag.hasPrefix("--"), values[String(flag.dropFirst(2))] != nil,
                let value = iterator.next().flatMap(Int.init), value > 0
            else {
                FileHandle.standardError.write(Data((usage + "\n").utf8))
                exit(2)
            }
            values[String(flag.dropFirst(2))] = value
        }
    }

    /// The value of `--name`, or its default.
    public subscript(name: String) -> Int { values[name]! }
}
