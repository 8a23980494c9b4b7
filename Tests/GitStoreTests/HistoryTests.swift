import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct HistoryTests {
    @Test func reportsTheCommitsThatChangedGivenPathsNewestFirst() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let add = try fixture.commit(
            in: repo, files: ["web.yaml": "memory: 1Gi\n", "db.yaml": "a\n"], message: "Add web and db")
        try fixture.commit(in: repo, files: ["db.yaml": "b\n"], message: "Tune db")
        let raise = try fixture.commit(
            in: repo, files: ["web.yaml": "memory: 2Gi\n"], message: "Raise web memory\n\nBody.\n")
        try fixture.commit(in: repo, files: ["other/x.yaml": "x\n"], message: "Unrelated")

        let repository = try Repository.open(path: repo)
        let history = try repository.history(of: ["web.yaml"], from: "main")
        #expect(history.map(\.id.hex) == [raise, add])
        #expect(history[0].message == "Raise web memory\n\nBody.\n")
        #expect(history[0].summary == "Raise web memory")
        #expect(history[0].changedPaths == ["web.yaml"])
        #expect(history[1].changedPaths == ["web.yaml"])
        #expect(history[1].parents.isEmpty)
        #expect(history[0].author.name == "Fixture Author")
        #expect(history[0].committer.email == "committer@example.com")
        #expect(history[0].author.date == Date(timeIntervalSince1970: 1_700_000_120))
        #expect(try repository.history(of: ["web.yaml"], from: "main", limit: 1).map(\.id.hex) == [raise])
        #expect(try repository.history(of: [], from: "main").count == 4)
        #expect(
            try repository.history(of: [], from: "main", excluding: raise).map(\.summary) == ["Unrelated"])
        #expect(
            try repository.history(of: ["web.yaml"], from: "main", excluding: add).map(\.id.hex) == [raise])
    }

    @Test func aFolderMatchesEverythingBelowItAndMergesAreNotBlamed() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        try fixture.commit(
            in: repo, files: ["deploy/web.yaml": "a\n", "deployment.txt": "x\n"], message: "Start")
        try fixture.git(["checkout", "--quiet", "-b", "feature"], in: repo)
        let change = try fixture.commit(
            in: repo, files: ["deploy/web.yaml": "b\n"], message: "Change web on a branch")
        try fixture.git(["checkout", "--quiet", "main"], in: repo)
        try fixture.commit(in: repo, files: ["deployment.txt": "y\n"], message: "Prefix-alike file")
        try fixture.git(["merge", "--quiet", "--no-ff", "-m", "Merge feature", "feature"], in: repo)

        let repository = try Repository.open(path: repo)
        let history = try repository.history(of: ["deploy/"], from: "main")
        #expect(history.map(\.summary) == ["Change web on a branch", "Start"])
        #expect(history[0].id.hex == change)
        #expect(history[1].changedPaths == ["deploy/web.yaml"])
    }
}
