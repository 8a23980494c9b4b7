import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct ReferenceTests {
    @Test func compareAndSwapMovesOnlyFromTheExpectedCommit() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let one = try ObjectID(hex: fixture.commit(in: repo, files: ["a": "1\n"], message: "One"))!
        let two = try ObjectID(hex: fixture.commit(in: repo, files: ["a": "2\n"], message: "Two"))!
        let repository = try Repository.open(path: repo)

        try repository.updateReference("refs/heads/steward/web", to: one, expecting: nil, message: "create")
        #expect(try repository.reference("refs/heads/steward/web") == one)
        #expect(try repository.reference("steward/web") == one)

        let exists = try #require(throws: GitError.self) {
            try repository.updateReference(
                "refs/heads/steward/web", to: two, expecting: nil, message: "again")
        }
        #expect(exists.code == .exists)

        try repository.updateReference("refs/heads/steward/web", to: two, expecting: one, message: "advance")
        #expect(try fixture.revision("steward/web", in: repo) == two.hex)

        let stale = try #require(throws: GitError.self) {
            try repository.updateReference(
                "refs/heads/steward/web", to: one, expecting: one, message: "stale")
        }
        #expect(stale.code == .modified)
        #expect(stale.operation == "git_reference_create_matching")
        #expect(stale.message == "expected \(one.hex) but the reference is at \(two.hex)")
        #expect(try fixture.revision("steward/web", in: repo) == two.hex)

        let vanished = try #require(throws: GitError.self) {
            try repository.updateReference("refs/heads/steward/db", to: one, expecting: two, message: "gone")
        }
        #expect(vanished.code == .modified)
        #expect(try fixture.revision("steward/db", in: repo) == nil)
        #expect(try repository.references(withPrefix: "refs/heads/steward/") == ["refs/heads/steward/web"])
    }

    @Test func malformedNamesAndUnknownTargetsAreRefused() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let one = try ObjectID(hex: fixture.commit(in: repo, files: ["a": "1\n"], message: "One"))!
        let repository = try Repository.open(path: repo)
        for name in ["steward/web", "refs/heads/a..b", "refs/heads/x.lock", "refs/heads/sp ace"] {
            let error = #expect(throws: GitError.self) {
                try repository.updateReference(name, to: one, expecting: nil, message: "bad")
            }
            #expect(error?.code == .invalidInput)
        }
        let unknown = ObjectID(hex: "1234567890123456789012345678901234567890")!
        let error = #expect(throws: GitError.self) {
            try repository.updateReference("refs/heads/x", to: unknown, expecting: nil, message: "bad")
        }
        #expect(error?.code == .notFound)
        #expect(try fixture.git(["for-each-ref", "--format=%(refname)"], in: repo) == "refs/heads/main")
    }
}
