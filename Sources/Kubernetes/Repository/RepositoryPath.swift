/// Paths inside a repository: relative, `/`-separated, the root written as the empty string.
enum RepositoryPath {
    /// `base` joined with `relative`, with `.` and `..` resolved; nil when it climbs above the root.
    static func join(_ base: String, _ relative: String) -> String? {
        var parts: [Substring] = relative.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder holding `path`; the empty string for a file at the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` for messages: `.` for the root.
    static func display(_ path: String) -> String {
        path.isEmpty ? "." : path
    }

    /// Whether `path` is `directory` itself or inside it.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        directory.isEmpty || path == directory || path.hasPrefix(directory + "/")
    }
}
