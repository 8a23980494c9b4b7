/// "Did you mean" for a misspelt name: the closest known name by edit distance, when close.
package enum Suggestion {
    /// The known name nearest to `word` (ignoring case), if at most a third of it differs.
    package static func closest(to word: String, in known: [String]) -> String? {
        let lowered = Array(word.lowercased())
        let scored = known.map { ($0, distance(lowered, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, lowered.count / 3) ? best.0 : nil
    }

    /// `; did you mean "x"?`, or nothing.
    package static func hint(for word: String, in known: [String]) -> String {
        closest(to: word, in: known).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// Levenshtein distance, with one row of memory.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
