import ArgoCD
import Forge
import GitStore
import Kubernetes
import Policy
import Profiles
import PrometheusAPI
import Signing
import YAMLSyntax

/// Every failure a command reports: one `steward: error: …` line (or a few, for YAML carets)
/// and the exit code its case calls for.
///
/// Errors of the lower targets stay typed inside it, with what Steward was doing when they
/// happened, so that callers and tests can tell a rejected push from a bad token without
/// reading the message.
package enum StewardError: Error, Sendable, CustomStringConvertible {
    /// A YAML file that does not parse, with file, line, column and the caret.
    case yaml(YAMLError)
    /// `steward.yaml` cannot be used: every problem, each with its position and caret.
    case configuration(YAMLDiagnostics)
    /// A Git operation failed while Steward was doing `context` (nil: the error says it all).
    case git(GitError, context: String?)
    /// A forge call failed while Steward was doing `context` (nil: the error says it all).
    case forge(ForgeError, context: String?)
    /// A signing key or signature that cannot be used, while Steward was doing `context`.
    case signing(SigningError, context: String?)
    /// A profiles file that cannot be read.
    case profiles(ProfilesFileError)
    /// Prometheus options that cannot be used (a URL with credentials, a token file).
    case prometheusConfiguration(PrometheusConfigurationError)
    /// Collecting the profiles from Prometheus failed.
    case collection(CollectionError)
    /// Argo CD could not be read, or refused or failed a rollback.
    case argoCD(ArgoCDError)
    /// A rollback in Argo CD did not end healed (failed, timed out, refused); the revert pull
    /// request was still opened. The run exits 1.
    case rollbackFailed([String])
    /// The repository's tree or folder cannot be read.
    case fileTree(FileTreeError)
    /// The policy file does not load: every proposal is rejected.
    case policyNotLoaded(path: String, errors: Int)
    /// The planned edits leave the policy; nothing is written.
    case outsidePolicy(policy: String, violations: [String])
    /// Files a target reads are not valid YAML; the rest was planned.
    case unreadableManifests(first: String, others: Int)
    /// `steward verify` found violations.
    case verifyViolations(count: Int, range: String)
    /// Policy test cases failed.
    case policyTestsFailed(failed: Int, total: Int)
    /// A file Steward cannot `action` (read, write, replace), and why.
    case file(path: String, action: String, reason: String)
    /// Input that cannot be used as given; the message names it and says what is expected.
    case invalidInput(String)
    /// A command line that cannot work: options that exclude each other, a path that does not
    /// parse. Exits 2, like an unknown option.
    case usage(String)
    /// A failure of a step that has no finer case (the demo's own checks, a template that does
    /// not parse); the message says what failed.
    case failed(String)

    /// Wraps the error a lower target threw while Steward was doing `context` (nil when the
    /// error names everything), keeping its type.
    package init(_ error: any Error, context: String? = nil) {
        switch error {
        case let error as StewardError: self = error
        case let error as GitError: self = .git(error, context: context)
        case let error as ForgeError: self = .forge(error, context: context)
        case let error as SigningError: self = .signing(error, context: context)
        case let error as YAMLError: self = .yaml(error)
        case let error as ProfilesFileError: self = .profiles(error)
        case let error as CollectionError: self = .collection(error)
        case let error as PrometheusConfigurationError: self = .prometheusConfiguration(error)
        case let error as FileTreeError: self = .fileTree(error)
        case let error as ArgoCDError: self = .argoCD(error)
        default: self = .failed(context.map { "\($0): \(error)" } ?? "\(error)")
        }
    }

    /// The exit code documented in the README.
    package var exitCode: ExitStatus {
        switch self {
        case .usage: .usage
        default: .failure
        }
    }

    /// The message after `steward: error: `.
    package var message: String {
        switch self {
        case .yaml(let error): error.description
        case .configuration(let diagnostics): diagnostics.description
        case .git(let error, nil): error.description
        case .git(let error, let context?): "\(context): \(error)"
        case .forge(let error, nil): error.description
        case .forge(let error, let context?): "\(context): \(error)"
        case .signing(let error, nil): error.description
        case .signing(let error, let context?): "\(context): \(error)"
        case .profiles(let error): error.description
        case .prometheusConfiguration(let error): error.message
        case .collection(let error): error.message
        case .fileTree(let error): error.description
        case .argoCD(let error): error.description
        case .rollbackFailed(let failures):
            "\(Text.count(failures.count, "rollback")) in Argo CD failed:\n"
                + failures.map { "  \($0)" }.joined(separator: "\n")
        case .policyNotLoaded(let path, let errors):
            "\(path) does not load (\(Text.count(errors, "error"))): every proposal is rejected"
        case .outsidePolicy(let policy, let violations):
            "the planned edits leave the policy \(policy); nothing is written:\n"
                + violations.map { "  \($0)" }.joined(separator: "\n")
        case .unreadableManifests(let first, let others):
            first
                + (others == 0 ? "" : " (and \(Text.count(others, "more file")), listed above)")
                + ": not valid YAML; the rest was planned"
        case .verifyViolations(let count, let range): "\(Text.count(count, "violation")) in \(range)"
        case .policyTestsFailed(let failed, let total): "\(failed) of \(total) policy test cases failed"
        case .file(let path, let action, let reason): "cannot \(action) \(path): \(reason)"
        case .invalidInput(let message), .usage(let message), .failed(let message): message
        }
    }

    package var description: String { message }
}
