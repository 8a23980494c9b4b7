import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct NotesTests {
    @Test func notesAreWrittenWhereGitNotesReadsThem() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let commit = try ObjectID(hex: fixture.commit(in: repo, files: ["a": "1\n"], message: "One"))!
        let repository = try Repository.open(path: repo)
        let bot = GitPerson(
            name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_000_000))
        let record = "{\"finding\":\"rightsize/prod/shop/Deployment/web/app\"}\n"

        #expect(try repository.note(on: commit) == nil)
        try repository.addNote(record, to: commit, author: bot, committer: bot)
        #expect(try repository.note(on: commit) == record)
        #expect(try fixture.git(["notes", "--ref=steward", "show", commit.hex], in: repo) + "\n" == record)

        let duplicate = #expect(throws: GitError.self) {
            try repository.addNote("other", to: commit, author: bot, committer: bot)
        }
        #expect(duplicate?.code == .exists)
        try repository.addNote("replaced\n", to: commit, author: bot, committer: bot, overwrite: true)
        #expect(try repository.note(on: commit) == "replaced\n")
    }
}
