internal import CLibGit2

/// The process-wide libgit2 runtime and the translation of its return codes into `GitError`.
enum LibGit2 {
    /// libgit2 must be initialised once before any other call; a Swift `static let` runs its
    /// initialiser exactly once, thread-safely, and the library is never shut down because
    /// other threads may still hold objects.
    private static let runtime: Void = {
        _ = git_libgit2_init()
    }()

    /// Makes sure the runtime is initialised; call at every entry point that creates handles.
    static func ensureInitialized() {
        runtime
    }

    /// Runs a libgit2 call and throws a `GitError` naming `function` when it returns < 0.
    @discardableResult
    static func check(_ function: String, subject: String? = nil, _ call: () -> Int32) throws -> Int32 {
        ensureInitialized()
        let result = call()
        if result < 0 {
            throw error(function, code: result, subject: subject)
        }
        return result
    }

    /// Runs a libgit2 call that stores a new object through its out-pointer, and returns the
    /// object; throws a `GitError` naming `function` when the call fails, or when it succeeds
    /// but leaves the pointer nil, instead of trapping.
    static func make<Pointer>(
        _ function: String, subject: String? = nil, _ call: (inout Pointer?) -> Int32
    ) throws -> Pointer {
        var pointer: Pointer?
        try check(function, subject: subject) { call(&pointer) }
        guard let pointer else { throw noObject(function, subject: subject) }
        return pointer
    }

    /// The error for a call that reported success but stored no object.
    static func noObject(_ function: String, subject: String? = nil) -> GitError {
        GitError(
            code: .other(-1), operation: function, message: "libgit2 reported success but returned no object",
            subject: subject)
    }

    /// Builds a `GitError` from a libgit2 return code and `git_error_last()`.
    static func error(_ function: String, code: Int32, subject: String? = nil) -> GitError {
        var errorClass: String?
        var message = "libgit2 returned \(code) without a message"
        if let last = git_error_last() {
            errorClass = className(Int32(last.pointee.klass))
            if let text = last.pointee.message {
                message = String(cString: text).trimmingTrailingNewlines()
            }
        }
        return GitError(
            code: GitError.Code(libgit2: code), operation: function, message: message, subject: subject,
            errorClass: errorClass)
    }

    private static func className(_ klass: Int32) -> String? {
        let names: [Int32: String] = [
            Int32(GIT_ERROR_NOMEMORY.rawValue): "nomemory", Int32(GIT_ERROR_OS.rawValue): "os",
            Int32(GIT_ERROR_INVALID.rawValue): "invalid", Int32(GIT_ERROR_REFERENCE.rawValue): "reference",
            Int32(GIT_ERROR_ZLIB.rawValue): "zlib", Int32(GIT_ERROR_REPOSITORY.rawValue): "repository",
            Int32(GIT_ERROR_CONFIG.rawValue): "config", Int32(GIT_ERROR_ODB.rawValue): "odb",
            Int32(GIT_ERROR_INDEX.rawValue): "index", Int32(GIT_ERROR_OBJECT.rawValue): "object",
            Int32(GIT_ERROR_NET.rawValue): "net", Int32(GIT_ERROR_TREE.rawValue): "tree",
            Int32(GIT_ERROR_SSL.rawValue): "ssl", Int32(GIT_ERROR_MERGE.rawValue): "merge",
            Int32(GIT_ERROR_SSH.rawValue): "ssh", Int32(GIT_ERROR_CALLBACK.rawValue): "callback",
            Int32(GIT_ERROR_REVERT.rawValue): "revert", Int32(GIT_ERROR_PATCH.rawValue): "patch",
            Int32(GIT_ERROR_HTTP.rawValue): "http", Int32(GIT_ERROR_FILESYSTEM.rawValue): "filesystem",
            Int32(GIT_ERROR_INTERNAL.rawValue): "internal",
        ]
        return klass == 0 ? nil : names[klass] ?? "class \(klass)"
    }
}

extension GitError.Code {
    init(libgit2 code: Int32) {
        switch code {
        case GIT_ENOTFOUND.rawValue, GIT_EUNBORNBRANCH.rawValue: self = .notFound
        case GIT_EEXISTS.rawValue: self = .exists
        case GIT_EMODIFIED.rawValue: self = .modified
        case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
        case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: self = .conflict
        case GIT_EAUTH.rawValue: self = .authentication
        case GIT_ECERTIFICATE.rawValue: self = .certificate
        case GIT_EINVALIDSPEC.rawValue, GIT_EINVALID.rawValue: self = .invalidInput
        default: self = .other(code)
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
