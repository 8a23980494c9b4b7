/// A failure of a Git operation, with enough context to act on it.
///
/// Errors from libgit2 carry the function that failed and what `git_error_last()` said (its class
/// and message). Errors that Steward detects itself (a stale lease, an update the server
/// rejected, a revert that does not apply) use the same shape with the Steward operation as
/// `operation`. Messages name the repository, revision or remote URL involved, never a token.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, so callers can react without parsing messages.
    public enum Code: Sendable, Equatable {
        /// A repository, revision, reference, path or object does not exist.
        case notFound
        /// The object to create already exists (e.g. a branch created with `expecting: nil`).
        case exists
        /// A reference was not where the caller expected it (compare-and-swap lost).
        case modified
        /// A revision string matches more than one object.
        case ambiguous
        /// A revert or merge does not apply cleanly.
        case conflict
        /// The remote refused the credentials, or the attempt cap was reached.
        case authentication
        /// The server's TLS certificate or SSH host key was not trusted.
        case certificate
        /// The remote branch is not at the commit the push lease expected.
        case leaseMismatch
        /// The remote received the push but refused to update a reference.
        case pushRejected
        /// The caller passed something unusable (a malformed path, an empty update).
        case invalidInput
        /// Any other libgit2 error code.
        case other(Int32)
    }

    /// What kind of failure this is.
    public let code: Code
    /// The libgit2 function that failed (`git_revparse_single`), or the Steward operation.
    public let operation: String
    /// The libgit2 error class (`reference`, `net`, `ssh`, …), when libgit2 reported one.
    public let errorClass: String?
    /// The message, from `git_error_last()` or written by Steward.
    public let message: String
    /// What the operation was about: a repository path, a revision, a remote URL (redacted).
    public let subject: String?

    /// Makes an error; use this for failures Steward detects itself.
    public init(
        code: Code, operation: String, message: String, subject: String? = nil, errorClass: String? = nil
    ) {
        self.code = code
        self.operation = operation
        self.errorClass = errorClass
        self.message = message
        self.subject = subject
    }

    public var description: String {
        var text = "\(operation) failed"
        if let errorClass { text += " (\(errorClass) error)" }
        text += ": \(message)"
        if let subject { text += " [\(subject)]" }
        return text
    }
}
