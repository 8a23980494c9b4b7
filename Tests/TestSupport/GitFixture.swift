import Foundation

/// A scratch directory of Git repositories built with the real `git` CLI, removed when released.
///
/// Commits made through the fixture have fixed authors and increasing dates, so their ids are
/// the same on every run; global and system Git configuration are ignored.
///
/// ```swift
/// let fixture = try GitFixture()
/// let repo = try fixture.makeRepository("app")
/// let first = try fixture.commit(in: repo, files: ["deploy/web.yaml": "replicas: 1\n"], message: "Add web")
/// ```
public final class GitFixture {
    /// The scratch directory; every path the fixture makes is inside it.
    public let root: String
    /// The date of the next commit, in seconds since 1970 (UTC); each commit adds one minute.
    public private(set) var nextCommitTime = 1_700_000_000

    /// Creates an empty scratch directory under the system's temporary directory.
    /// - Throws: when `git` is not installed (with the install command).
    public init() throws {
        _ = try ExternalTool.git.path()
        let base = FileManager.default.temporaryDirectory.path
        root = "\(base)/steward-git-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The absolute path of `relative` inside the scratch directory.
    public func path(_ relative: String) -> String {
        "\(root)/\(relative)"
    }

    /// The environment the fixture runs `git` with: no global or system configuration, a fixed
    /// identity, and the given commit time for both author and committer.
    public func environment(time: Int? = nil) -> [String: String] {
        let date = "\(time ?? nextCommitTime) +0000"
        return [
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": root,
            "GIT_AUTHOR_NAME": "Fixture Author", "GIT_AUTHOR_EMAIL": "author@example.com",
            "GIT_COMMITTER_NAME": "Fixture Committer", "GIT_COMMITTER_EMAIL": "committer@example.com",
            "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        ]
    }

    /// Runs `git` with the fixture's environment (`-C directory` when given) and returns its
    /// trimmed standard output.
    @discardableResult
    public func git(_ arguments: [String], in directory: String? = nil, input: [UInt8] = []) throws -> String
    {
        let prefix = directory.map { ["-C", $0] } ?? []
        return try ExternalTool.git.run(prefix + arguments, environment: environment(), input: input)
    }

    /// Creates a repository (working tree or bare) whose initial branch is `branch`.
    /// - Returns: its absolute path.
    @discardableResult
    public func makeRepository(_ name: String, bare: Bool = false, branch: String = "main") throws -> String {
        let directory = path(name)
        try git(["init", "--quiet", "--initial-branch=\(branch)"] + (bare ? ["--bare"] : []) + [directory])
        return directory
    }

    /// Writes `files` (path → text), removes `deleting`, stages everything and commits.
    /// - Returns: the new commit's id.
    @discardableResult
    public func commit(
        in repository: String, files: [String: String], deleting: [String] = [], message: String
    ) throws -> String {
        try commit(
            in: repository, bytes: files.mapValues { Array($0.utf8) }, deleting: deleting, message: message)
    }

    /// Like `commit(in:files:deleting:message:)` with file contents given as bytes.
    @discardableResult
    public func commit(
        in repository: String, bytes files: [String: [UInt8]], deleting: [String] = [], message: String
    ) throws -> String {
        for (relative, content) in files {
            let file = URL(fileURLWithPath: "\(repository)/\(relative)")
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content).write(to: file)
        }
        for relative in deleting {
            try FileManager.default.removeItem(atPath: "\(repository)/\(relative)")
        }
        try git(["add", "--all"], in: repository)
        try git(["commit", "--quiet", "--allow-empty", "-m", message], in: repository)
        nextCommitTime += 60
        return try git(["rev-parse", "HEAD"], in: repository)
    }

    /// The commit a reference or revision points to in `repository`, or `nil` if it does not exist.
    public func revision(_ revision: String, in repository: String) throws -> String? {
        let output = try ExternalTool.git.result(
            ["-C", repository, "rev-parse", "--verify", "--quiet", "\(revision)^{commit}"],
            environment: environment())
        return output.status == 0 ? output.text.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// Writes `text` to `relative` inside the scratch directory (creating folders) and returns the
    /// absolute path.
    @discardableResult
    public func write(_ text: String, to relative: String, permissions: Int = 0o644) throws -> String {
        let file = path(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: file)
        return file
    }
}
