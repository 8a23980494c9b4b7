import ClientSupport

/// How a GitLab project is named in API paths: its numeric id, or its full path
/// (`group/subgroup/project`), which the API takes URL-encoded as one path segment.
public enum GitLabProject: Sendable, Equatable {
    /// The numeric project id shown on the project's page.
    case id(Int)
    /// The full path with namespace, `group/subgroup/project`.
    case path(String)

    /// Parses a configuration value: digits are an id, anything else a path.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` for an empty value or a path without a
    ///   namespace.
    public init(parsing value: String) throws(ForgeError) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let id = Int(trimmed), id > 0 {
            self = .id(id)
            return
        }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }) else {
            throw ForgeError(
                code: .invalidConfiguration, forge: .gitlab,
                message: "the project '\(value)' is neither a numeric id nor a path like group/project")
        }
        self = .path(trimmed)
    }

    /// The `:id` path segment: the number, or the path with `/` encoded as `%2F`.
    var pathSegment: String {
        switch self {
        case .id(let id): String(id)
        case .path(let path): URLComponent.encoded(path)
        }
    }
}
