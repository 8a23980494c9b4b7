/// Paths inside a repository: relative, `/`-separated, the root written as the empty string.
enum RepositoryPath {
    /// `base` joined with `relative`, with `.` and `..` resolved; nil when it climbs above the root.
    static func join(_ base: String, _ relative: String) -> String? {
        if isSimple(relative) {
            return base.isEmpty ? relative : base + "/" + relative
        }
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

    /// Whether a relative path needs no resolution: not empty, no leading or trailing `/`, no
    /// empty, `.` or `..` component.
    private static func isSimple(_ relative: String) -> Bool {
        var componentLength = 0
        var dots = 0
        for byte in relative.utf8 {
            if byte == UInt8(ascii: "/") {
                if componentLength == 0 || componentLength == dots { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return componentLength > 0 && componentLength != dots
    }

    /// The folder holding `path`; the empty string for a file at the root.
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
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
