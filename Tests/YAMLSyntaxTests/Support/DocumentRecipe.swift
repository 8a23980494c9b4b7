import YAMLSyntax

/// Builds a YAML document and the data it must parse to from a list of random numbers:
/// block and flow collections, every scalar style, comments, blank lines, 2- or 4-space
/// indentation, compact and indented sequences, LF or CRLF.
struct DocumentRecipe {
    private var numbers: [Int]
    private var cursor = 0
    private(set) var text = ""
    private(set) var value: YAMLValue = .null
    /// Paths of scalars written as values, which the edit property may set.
    private(set) var scalarPaths: [YAMLPath] = []
    private let newline: String
    private let step: Int

    init(_ numbers: [Int]) {
        self.numbers = numbers.isEmpty ? [0] : numbers
        newline = self.numbers[0] % 5 == 0 ? "\r\n" : "\n"
        step = self.numbers[0] % 3 == 0 ? 4 : 2
        cursor = 1
        if next(4) == 0 { text += "# generated" + newline }
        value = mapping(column: 0, depth: 0, path: YAMLPath([]))
        if next(3) == 0 { text += "# trailing" + newline }
    }

    private mutating func next(_ bound: Int) -> Int {
        defer { cursor += 1 }
        return (numbers[cursor % numbers.count] &+ cursor &* 7919) % bound
    }

    private static let words = [
        "web", "500m", "nginx:1.25", "a b c", "x-y_z", "128Mi", "/path/to", "é ü", "k=v",
    ]

    private mutating func line(_ column: Int, _ content: String) {
        text += String(repeating: " ", count: column) + content
        if next(5) == 0 { text += "  # note" }
        text += newline
        if next(6) == 0 { text += newline }
        if next(7) == 0 { text += String(repeating: " ", count: column) + "# comment" + newline }
    }

    /// A block mapping at `column`; with `inlineFirst`, its first key follows a `- ` already written.
    private mutating func mapping(column: Int, depth: Int, path: YAMLPath, inlineFirst: Bool = false)
        -> YAMLValue
    {
        var pairs: [YAMLPair] = []
        for i in 0..<(1 + next(4)) {
            let key = "k\(i)"
            let indent = i == 0 && inlineFirst ? 0 : column
            let entry = entryValue(
                key: key, column: column, indent: indent, depth: depth, path: path.appending(.key(key)))
            pairs.append(YAMLPair(key: .string(key), value: entry))
        }
        return .mapping(pairs)
    }

    private mutating func entryValue(key: String, column: Int, indent: Int, depth: Int, path: YAMLPath)
        -> YAMLValue
    {
        let choice = depth >= 3 ? next(5) : next(8)
        switch choice {
        case 0:
            let word = Self.words[next(Self.words.count)]
            line(indent, "\(key): \(word)")
            scalarPaths.append(path)
            return .string(word)
        case 1:
            line(indent, "\(key): \"say \\\"hi\\\"\\tnow\"")
            scalarPaths.append(path)
            return .string("say \"hi\"\tnow")
        case 2:
            line(indent, "\(key): 'it''s'")
            scalarPaths.append(path)
            return .string("it's")
        case 3:
            text += String(repeating: " ", count: indent) + "\(key): |" + newline
            let pad = String(repeating: " ", count: column + step)
            text += pad + "line one" + newline + pad + "  line two" + newline
            scalarPaths.append(path)
            return .string("line one\n  line two\n")
        case 4:
            line(indent, "\(key): {a: 1, b: [x, \"y\"]}")
            scalarPaths.append(path.appending(.key("a")))
            return .mapping([
                YAMLPair(key: .string("a"), value: .int(1)),
                YAMLPair(key: .string("b"), value: .sequence([.string("x"), .string("y")])),
            ])
        case 5:
            line(indent, "\(key):")
            return mapping(column: column + step, depth: depth + 1, path: path)
        case 6:
            line(indent, "\(key):")
            let compact = next(2) == 0
            let dash = compact ? column : column + step
            var items: [YAMLValue] = []
            for i in 0..<(1 + next(3)) {
                if next(3) == 0 && depth < 3 {
                    text += String(repeating: " ", count: dash) + "- "
                    items.append(
                        mapping(
                            column: dash + 2, depth: depth + 1, path: path.appending(.index(i)),
                            inlineFirst: true))
                } else {
                    let word = Self.words[next(Self.words.count)]
                    line(dash, "- " + word)
                    scalarPaths.append(path.appending(.index(i)))
                    items.append(.string(word))
                }
            }
            return .sequence(items)
        default:
            let number = next(1000)
            line(indent, "\(key): \(number)")
            scalarPaths.append(path)
            return .int(number)
        }
    }
}
