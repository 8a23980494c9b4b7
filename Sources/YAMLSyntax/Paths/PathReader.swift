/// A cursor over the characters of a path or selector.
struct PathReader {
    let text: String
    let chars: [Unicode.Scalar]
    var i = 0

    init(text: String) {
        self.text = text
        self.chars = Array(text.unicodeScalars)
    }

    var atEnd: Bool { i >= chars.count }

    var current: Unicode.Scalar? { i < chars.count ? chars[i] : nil }

    func failure(_ message: String, at position: Int? = nil) -> YAMLPathError {
        YAMLPathError(text: text, position: (position ?? i) + 1, message: message)
    }

    mutating func readPath() throws(YAMLPathError) -> [YAMLPath.Component] {
        var components: [YAMLPath.Component] = []
        if text == "." { return [] }
        while let c = current {
            if c == "[" {
                components.append(try readBracket())
            } else {
                if !components.isEmpty {
                    guard c == "." else { throw failure("expected '.' or '[' after a path component") }
                    i += 1
                }
                let start = i
                var key = ""
                while let k = current, k != ".", k != "[" {
                    if k == "]" || k == "\"" {
                        throw failure("unexpected '\(k)' in a key; write [\"key\"] for such keys")
                    }
                    key.unicodeScalars.append(k)
                    i += 1
                }
                if key.isEmpty { throw failure("empty key", at: start) }
                components.append(.key(key))
            }
        }
        return components
    }

    private mutating func readBracket() throws(YAMLPathError) -> YAMLPath.Component {
        let open = i
        i += 1
        let component: YAMLPath.Component
        if current == "*" {
            i += 1
            component = .wildcard
        } else if let c = current, ("0"..."9").contains(c) {
            var digits = ""
            while let d = current, ("0"..."9").contains(d) {
                digits.unicodeScalars.append(d)
                i += 1
            }
            guard let index = Int(digits) else { throw failure("index too large", at: open + 1) }
            component = .index(index)
        } else {
            let quoted = current == "\""
            let key = try readWord(stoppingAt: ["=", "]"])
            if current == "=" {
                i += 1
                let value = try readWord(stoppingAt: ["]"])
                component = .match(key: key, value: value)
            } else {
                if key.isEmpty && !quoted { throw failure("empty key", at: open + 1) }
                component = .key(key)
            }
        }
        guard current == "]" else {
            throw failure(atEnd ? "missing ']' to close the '[' at \(open + 1)" : "expected ']'")
        }
        i += 1
        return component
    }

    /// A double-quoted string (with `\"`, `\\`, `\n`, `\t`) or bare text up to a stop character.
    mutating func readWord(stoppingAt stops: Set<Unicode.Scalar>) throws(YAMLPathError) -> String {
        var word = ""
        if current == "\"" {
            let start = i
            i += 1
            while true {
                guard let c = current else { throw failure("unclosed quote", at: start) }
                i += 1
                if c == "\"" { break }
                if c == "\\" {
                    guard let e = current else { throw failure("unclosed quote", at: start) }
                    i += 1
                    switch e {
                    case "n": word += "\n"
                    case "t": word += "\t"
                    case "\"", "\\": word.unicodeScalars.append(e)
                    default: throw failure("invalid escape '\\\(e)'", at: i - 2)
                    }
                } else {
                    word.unicodeScalars.append(c)
                }
            }
            return word
        }
        while let c = current, !stops.contains(c) {
            if c == "[" || c == "\"" { throw failure("unexpected '\(c)'; quote the text") }
            word.unicodeScalars.append(c)
            i += 1
        }
        return word
    }
}
