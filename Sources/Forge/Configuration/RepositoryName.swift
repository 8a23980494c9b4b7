/// Checks of repository names and URLs shared by the clients.
enum RepositoryName {
    /// Checks an `owner/name` pair (GitHub, Gitea).
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` when either part is empty or holds a `/`.
    static func check(owner: String, name: String, forge: ForgeKind) throws(ForgeError) {
        for (part, value) in [("owner", owner), ("name", name)]
        where value.isEmpty || value.contains("/") || value.contains(where: \.isWhitespace) {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message: "the repository \(part) '\(value)' is not a single path segment")
        }
    }

    /// Splits `owner/name`.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` unless there are exactly two parts.
    static func split(_ repository: String, forge: ForgeKind) throws(ForgeError) -> (
        owner: String, name: String
    ) {
        let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message: "the repository '\(repository)' is not of the form owner/name")
        }
        try check(owner: String(parts[0]), name: String(parts[1]), forge: forge)
        return (String(parts[0]), String(parts[1]))
    }

    /// The URL without trailing slashes, so paths can be appended.
    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
