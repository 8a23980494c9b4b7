internal import CLibGit2
import Foundation

/// A Git repository opened through libgit2: reads trees and history straight from the object
/// database, writes blobs, trees, commits and notes, moves references with compare-and-swap, and
/// fetches and pushes.
///
/// libgit2 objects must be used from one thread at a time. `Repository` is deliberately not
/// `Sendable`, so the compiler keeps each instance (and everything it hands out) in one
/// isolation domain; open one `Repository` per task that needs it.
public final class Repository {
    /// The notes reference where Steward stores evidence records.
    public static let stewardNotesReference = "refs/notes/steward"

    /// The path the repository was opened or created with.
    public let path: String
    let handle: OpaquePointer

    private init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository at `path` exactly (a working tree's top folder, its `.git`, or a bare
    /// repository), without searching parent folders.
    /// - Throws: `GitError` with code `.notFound` naming the path when there is no repository.
    public static func open(path: String) throws -> Repository {
        let opened: OpaquePointer = try LibGit2.make("git_repository_open_ext", subject: path) {
            git_repository_open_ext(&$0, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        }
        return Repository(handle: opened, path: path)
    }

    /// Creates a repository at `path` like `git init` (creating folders as needed); an existing
    /// repository there is opened unchanged.
    /// - Parameters:
    ///   - bare: create a bare repository (no working tree), as caches and remotes are.
    ///   - initialBranch: the branch `HEAD` points to in a new repository.
    public convenience init(path: String, bare: Bool, initialBranch: String = "main") throws {
        LibGit2.ensureInitialized()
        var options = git_repository_init_options()
        try LibGit2.check("git_repository_init_options_init", subject: path) {
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
        }
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        let created: OpaquePointer = try initialBranch.withCString { branch in
            options.initial_head = branch
            return try LibGit2.make("git_repository_init_ext", subject: path) {
                git_repository_init_ext(&$0, path, &options)
            }
        }
        self.init(handle: created, path: path)
    }

    /// Whether the repository has no working tree.
    public var isBare: Bool {
        git_repository_is_bare(handle) == 1
    }
}
