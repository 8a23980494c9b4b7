import Policy
import YAMLSyntax

/// The policy in force for a plan, as the repository holds it. Anything but a loaded policy
/// allows nothing.
package enum PolicyState: Sendable {
    /// The file loaded and passed every check.
    case loaded(Policy)
    /// The repository has no policy file at `path`.
    case missing(path: String)
    /// The file at `path` exists but does not load; `error` holds every problem.
    case invalid(path: String, error: YAMLDiagnostics)

    /// The policy file, relative to the repository root.
    package var path: String {
        switch self {
        case .loaded(let policy): policy.path
        case .missing(let path), .invalid(let path, _): path
        }
    }

    /// The policy, when it loaded.
    package var policy: Policy? {
        if case .loaded(let policy) = self { return policy }
        return nil
    }

    /// The decision for every change when there is no usable policy.
    var refusal: PolicyDecision {
        switch self {
        case .loaded: .rejected("not decided")
        case .missing: .rejected("no policy")
        case .invalid: .rejected("the policy does not load")
        }
    }
}
