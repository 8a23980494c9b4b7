/// Which kind of forge Steward talks to.
public enum ForgeKind: String, Sendable, Equatable, CaseIterable {
    /// GitHub or GitHub Enterprise Server, REST API v3.
    case github
    /// GitLab (gitlab.com or self-managed), merge requests through API v4.
    case gitlab
    /// Gitea or Forgejo, API v1.
    case gitea
    /// No forge: pull-request titles and bodies are written to files or standard output.
    case none

    /// Parses a configuration value: the raw values, plus `forgejo` for `gitea` (same API).
    /// - Returns: `nil` for anything else; the caller reports where the value came from.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "forgejo" {
            self = .gitea
        } else if let kind = ForgeKind(rawValue: lowered) {
            self = kind
        } else {
            return nil
        }
    }

    /// The forge's name as people write it, for messages.
    public var displayName: String {
        switch self {
        case .github: "GitHub"
        case .gitlab: "GitLab"
        case .gitea: "Gitea"
        case .none: "no forge"
        }
    }
}
