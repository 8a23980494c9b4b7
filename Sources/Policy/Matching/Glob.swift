/// A shell-style pattern over names: `*` matches any run of characters, `?` any one character,
/// everything else itself. `shop-*` matches `shop-eu` and `shop-`.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let characters: [Character]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    /// Whether the pattern has `*` or `?`.
    public var isLiteral: Bool { !characters.contains("*") && !characters.contains("?") }

    public var description: String { pattern }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        let text = Array(text)
        // Iterative matching with one backtrack point for the last `*`: linear in practice and
        // never exponential, whatever the pattern.
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < characters.count && (characters[p] == "?" || characters[p] == text[t]) {
                p += 1
                t += 1
            } else if p < characters.count && characters[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < characters.count && characters[p] == "*" { p += 1 }
        return p == characters.count
    }

    /// Whether every text `other` matches is matched by `self` too, where that is easy to
    /// decide: `other` is literal, equal, or `self` is a `prefix*` covering `other`'s prefix.
    /// False when unsure.
    public func covers(_ other: Glob) -> Bool {
        if other.isLiteral { return matches(other.pattern) }
        if pattern == other.pattern || pattern == "*" { return true }
        guard pattern.hasSuffix("*"), Glob(String(pattern.dropLast())).isLiteral else { return false }
        let prefix = pattern.dropLast()
        let otherPrefix = other.pattern.prefix { $0 != "*" && $0 != "?" }
        return otherPrefix.hasPrefix(prefix)
    }
}
