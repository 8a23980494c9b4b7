import Foundation

/// Everything a failed Git operation must leave alone in a repository: every reference and where it
/// points (HEAD included), and the object database's counts and sizes (`git count-objects -v`).
///
/// Two snapshots taken around an operation that was refused prove that it wrote no object and
/// moved no reference:
///
/// ```swift
/// let before = try GitSnapshot(of: repo, fixture: fixture)
/// #expect(throws: GitError.self) { try repository.resolve("refs/heads/nope") }
/// #expect(try GitSnapshot(of: repo, fixture: fixture) == before)
/// ```
public struct GitSnapshot: Sendable, Equatable, CustomStringConvertible {
    /// `<refname> <object id> <symbolic target>` for every reference, sorted by name, then HEAD.
    public let references: [String]
    /// The output of `git count-objects -v` (loose objects, packs and their sizes, garbage).
    public let objects: String

    /// Reads the state of `repository` (a working tree or a bare repository) with the `git` CLI.
    public init(of repository: String, fixture: GitFixture) throws {
        let listing = try fixture.git(
            ["for-each-ref", "--format=%(refname) %(objectname) %(symref)"], in: repository)
        let head = try ExternalTool.git.result(
            ["-C", repository, "symbolic-ref", "--quiet", "HEAD"], environment: fixture.environment())
        references =
            listing.split(separator: "\n").map(String.init)
            + ["HEAD -> \(head.text.trimmingCharacters(in: .whitespacesAndNewlines))"]
        objects = try fixture.git(["count-objects", "-v"], in: repository)
    }

    public var description: String {
        (references + [objects]).joined(separator: "\n")
    }
}
