import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct BadInputTests {
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

    @Test func anUnknownRevisionNamesItAndTheRepository() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        try fixture.commit(in: repo, files: ["a": "1\n"], message: "One")
        let repository = try Repository.open(path: repo)
        let error = try #require(throws: GitError.self) { try repository.resolve("refs/heads/nope") }
        #expect(error.code == .notFound)
        #expect(error.operation == "git_revparse_single")
        #expect(error.errorClass == "reference")
        #expect(
            error.description
                == "git_revparse_single failed (reference error): revspec 'refs/heads/nope' not found [revision 'refs/heads/nope' in \(repo)]"
        )
        #expect(throws: GitError.self) { try repository.files(at: "nope") }
        #expect(throws: GitError.self) { try repository.history(of: [], from: "nope") }
    }
}
