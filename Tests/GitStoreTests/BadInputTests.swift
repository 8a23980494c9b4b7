import Foundation
import GitStore
import TestSupport
import Testing

/// Bad input is a clear error that writes no object and moves no reference: each test compares a
/// `GitSnapshot` taken before the refused call with one taken after.
@Suite struct BadInputTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_400_000))

    @Test func aMissingRepositoryPathIsAClearError() throws {
        let fixture = try GitFixture()
        let missing = fixture.path("no-such-repo")
        let error = try #require(throws: GitError.self) { try Repository.open(path: missing) }
        #expect(error.code == .notFound)
        #expect(error.operation == "git_repository_open_ext")
        #expect(error.subject == missing)
        #expect(error.description.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func anUnknownRevisionNamesItAndTheRepositoryAndChangesNothing() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        try fixture.commit(in: repo, files: ["a": "1\n"], message: "One")
        let before = try GitSnapshot(of: repo, fixture: fixture)
        let repository = try Repository.open(path: repo)
        let error = try #require(throws: GitError.self) { try repository.resolve("refs/heads/nope") }
        #expect(error.code == .notFound)
        #expect(error.operation == "git_revparse_single")
        #expect(error.errorClass == "reference")
        #expect(
            error.description
                == "git_revparse_single failed (reference error): revspec 'refs/heads/nope' not found [revision 'refs/heads/nope' in \(repo)]"
        )
        let calls: [() throws -> Void] = [
            { _ = try repository.files(at: "nope") }, { _ = try repository.history(of: [], from: "nope") },
            { _ = try repository.treeID("nope") }, { _ = try repository.blob(at: "nope", path: "a") },
        ]
        for call in calls {
            let failure = try #require(throws: GitError.self) { try call() }
            #expect(failure.code == .notFound)
            #expect(failure.operation == "git_revparse_single")
            #expect(failure.subject == "revision 'nope' in \(repo)")
        }
        #expect(try GitSnapshot(of: repo, fixture: fixture) == before)
    }

    /// An object id that names nothing in the repository, as a stale cache or a typo would give.
    @Test func anUnknownObjectAsBaseParentOrTargetWritesNothing() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let base = try ObjectID(hex: fixture.commit(in: repo, files: ["a": "1\n"], message: "One"))!
        let unknown = ObjectID(hex: String(repeating: "ab", count: 20))!
        let repository = try Repository.open(path: repo)
        let tree = try repository.treeID("main")
        let before = try GitSnapshot(of: repo, fixture: fixture)

        let badBase = try #require(throws: GitError.self) {
            try repository.makeTree(base: unknown, upserts: ["b": Array("2\n".utf8)])
        }
        #expect(badBase.code == .notFound)
        let badParent = try #require(throws: GitError.self) {
            try repository.commit(
                tree: tree, parents: [unknown], author: Self.bot, committer: Self.bot, message: "x")
        }
        #expect(badParent.code == .notFound)
        let badTree = try #require(throws: GitError.self) {
            try repository.commit(
                tree: unknown, parents: [base], author: Self.bot, committer: Self.bot, message: "x")
        }
        #expect(badTree.code == .notFound)
        let badTarget = try #require(throws: GitError.self) {
            try repository.updateReference("refs/heads/steward/x", to: unknown, expecting: nil, message: "x")
        }
        #expect(badTarget.description.contains(unknown.hex))
        let badMove = try #require(throws: GitError.self) {
            try repository.updateReference("refs/heads/main", to: unknown, expecting: base, message: "x")
        }
        #expect(badMove.description.contains(unknown.hex))
        #expect(try GitSnapshot(of: repo, fixture: fixture) == before)
        #expect(try fixture.revision("main", in: repo) == base.hex)
    }
}
