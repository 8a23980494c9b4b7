/// The trailers of a commit message: the `Key: value` lines of its last paragraph, as
/// `git interpret-trailers` reads them when every line of that paragraph is a trailer.
struct CommitTrailers {
    /// Keys and values in order; a key may repeat.
    let entries: [(key: String, value: String)]

    init(message: String) {
        let paragraphs = message.split(separator: "\n", omittingEmptySubsequences: false)
            .split(whereSeparator: { $0.allSatisfy(\.isWhitespace) })
        guard paragraphs.count > 1, let last = paragraphs.last else {
            entries = []
            return
        }
        var entries: [(key: String, value: String)] = []
        for line in last {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else {
                self.entries = []
                return
            }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            entries.append((String(line[..<colon]), String(value)))
        }
        self.entries = entries
    }

    /// Every value of `key` (compared case-insensitively, as git does).
    func values(_ key: String) -> [String] {
        entries.filter { $0.key.lowercased() == key.lowercased() }.map(\.value)
    }
}
