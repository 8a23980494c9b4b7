import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct RevertTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_200_000))

    @Test func revertsAnOldCommitOnTopOfLaterWork() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        try fixture.commit(
            in: repo, files: ["web.yaml": "image: v1\nmemory: 1Gi\n", "db.yaml": "a\n"], message: "Start")
        let bad = try fixture.commit(
            in: repo, files: ["web.yaml": "image: v2\nmemory: 1Gi\n"], message: "Ship v2")
        let later = try fixture.commit(in: repo, files: ["db.yaml": "b\n"], message: "Tune db")

        let repository = try Repository.open(path: repo)
        let tree = try repository.revert(ObjectID(hex: bad)!, onto: ObjectID(hex: later)!)
        #expect(try repository.blob(at: tree.hex, path: "web.yaml") == Array("image: v1\nmemory: 1Gi\n".utf8))
        #expect(try repository.blob(at: tree.hex, path: "db.yaml") == Array("b\n".utf8))

        // Same tree as git's own revert.
        try fixture.git(["revert", "--no-edit", bad], in: repo)
        #expect(tree.hex == (try fixture.git(["rev-parse", "HEAD^{tree}"], in: repo)))
    }

    @Test func aRevertThatDoesNotApplyNamesTheConflictingPaths() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        try fixture.commit(in: repo, files: ["web.yaml": "image: v1\n"], message: "Start")
        let bad = try fixture.commit(in: repo, files: ["web.yaml": "image: v2\n"], message: "Ship v2")
        let later = try fixture.commit(in: repo, files: ["web.yaml": "image: v3\n"], message: "Ship v3")

        let repository = try Repository.open(path: repo)
        let error = try #require(throws: GitError.self) {
            try repository.revert(ObjectID(hex: bad)!, onto: ObjectID(hex: later)!)
        }
        #expect(error.code == .conflict)
        #expect(error.operation == "revert")
        #expect(
            error.message == "the inverse of \(bad.prefix(7)) does not apply cleanly; conflicts in web.yaml")
        #expect(try fixture.revision("main", in: repo) == later)
        #expect(try fixture.git(["status", "--porcelain"], in: repo) == "")
    }
}
