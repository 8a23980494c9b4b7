import ForgeFake
import TestSupport

/// The paths the clients are expected to call on each forge, as the server records them.
enum ForgeEndpoints {
    /// The pull-request (merge-request) collection: listed with GET, created with POST.
    static func pulls(_ kind: ForgeServer.Kind) -> String {
        switch kind {
        case .github: "/api/v3/repos/acme/deploy/pulls"
        case .gitlab: "/api/v4/projects/acme%2Fplatform%2Fdeploy/merge_requests"
        case .gitea: "/api/v1/repos/acme/deploy/pulls"
        }
    }

    /// The same path relative to the API base, as errors name it.
    static func relativePulls(_ kind: ForgeServer.Kind) -> String {
        String(pulls(kind).dropFirst("/api/v3".count))
    }
}
