/// Branch names Steward makes: `<prefix><group>`, with the group reduced to characters every
/// forge and `git check-ref-format` accept.
package enum BranchName {
    /// `steward/` + `shop` → `steward/shop`; characters outside `[a-z0-9._-]` become `-`.
    package static func make(prefix: String, group: String) -> String {
        var name = ""
        for character in group.lowercased() {
            let allowed =
                character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
            let next: Character = allowed ? character : "-"
            if next == "-", name.hasSuffix("-") { continue }
            name.append(next)
        }
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        while name.hasSuffix(".") || name.hasSuffix("-") { name.removeLast() }
        name = name.replacingOccurrences(of: "..", with: "-")
        if name.hasSuffix(".lock") { name += "-group" }
        return prefix + (name.isEmpty ? "group" : name)
    }

    /// Whether `prefix` can start branch names: non-empty components of `[A-Za-z0-9._-]`
    /// separated by `/`, ending in `/` or `-`.
    static func isValidPrefix(_ prefix: String) -> Bool {
        guard prefix.hasSuffix("/") || prefix.hasSuffix("-"), !prefix.hasPrefix("/"),
            !prefix.hasPrefix("refs/")
        else { return false }
        let components = prefix.split(separator: "/", omittingEmptySubsequences: false).dropLast(
            prefix.hasSuffix("/") ? 1 : 0)
        return components.allSatisfy { component in
            !component.isEmpty && !component.hasPrefix(".") && !component.contains("..")
                && !component.hasSuffix(".lock")
                && component.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        }
    }
}
