import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct RepositoryReadTests {
    let fixture: GitFixture
    let repo: String
    let first: String
    let second: String

    init() throws {
        fixture = try GitFixture()
        repo = try fixture.makeRepository("app")
        first = try fixture.commit(
            in: repo,
            files: [
                "deploy/base/web.yaml": "kind: Deployment\n",
                "deploy/prod/kustomization.yaml": "resources: []\n",
                "README.md": "# app\n", "deploy-notes.txt": "not under deploy/\n",
            ], message: "Initial layout")
        second = try fixture.commit(
            in: repo, files: ["deploy/base/web.yaml": "kind: Deployment\nreplicas: 2\n"], message: "Scale web"
        )
        try fixture.git(["branch", "old", first], in: repo)
        try fixture.git(["tag", "-a", "v1", "-m", "release", first], in: repo)
    }

    @Test func resolvesBranchesTagsIdsAndExpressions() throws {
        let repository = try Repository.open(path: repo)
        #expect(try repository.resolve("main").hex == second)
        #expect(try repository.resolve("refs/heads/old").hex == first)
        #expect(try repository.resolve("v1").hex == first)
        #expect(try repository.resolve("HEAD~1").hex == first)
        #expect(try repository.resolve(String(second.prefix(10))).hex == second)
        #expect(try repository.treeID("main").hex == fixture.git(["rev-parse", "main^{tree}"], in: repo))
    }

    @Test func listsFilesUnderAPrefixWithoutACheckout() throws {
        let repository = try Repository.open(path: repo)
        #expect(
            try repository.files(at: "main")
                == [
                    "README.md", "deploy-notes.txt", "deploy/base/web.yaml", "deploy/prod/kustomization.yaml",
                ])
        #expect(
            try repository.files(at: "main", under: "deploy") == [
                "deploy/base/web.yaml", "deploy/prod/kustomization.yaml",
            ])
        #expect(try repository.files(at: "main", under: "deploy/prod/") == ["deploy/prod/kustomization.yaml"])
        #expect(try repository.files(at: "main", under: "README.md") == ["README.md"])
        #expect(try repository.files(at: "main", under: "missing") == [])
    }

    @Test func readsBlobsAtAnyRevision() throws {
        // Bare clone: no working tree exists, reads come from the object database alone.
        let bare = fixture.path("bare.git")
        try fixture.git(["clone", "--quiet", "--bare", repo, bare])
        let repository = try Repository.open(path: bare)
        #expect(repository.isBare)
        #expect(
            try repository.blob(at: "main", path: "deploy/base/web.yaml")
                == Array("kind: Deployment\nreplicas: 2\n".utf8))
        #expect(
            try repository.blob(at: first, path: "deploy/base/web.yaml") == Array("kind: Deployment\n".utf8))
        #expect(try repository.blob(at: "main", path: "deploy/base/absent.yaml") == nil)
        let folder = #expect(throws: GitError.self) { try repository.blob(at: "main", path: "deploy/base") }
        #expect(folder?.code == .invalidInput)
    }

    @Test func changedPathsBetweenTwoCommits() throws {
        try FileManager.default.createDirectory(atPath: "\(repo)/docs", withIntermediateDirectories: true)
        try fixture.git(["mv", "README.md", "docs/README.md"], in: repo)
        let third = try fixture.commit(
            in: repo, files: ["deploy/prod/patch.yaml": "x: 1\n"], message: "Move and add")
        let repository = try Repository.open(path: repo)
        let changed = try repository.changedPaths(from: ObjectID(hex: second)!, to: ObjectID(hex: third)!)
        #expect(changed == ["README.md", "deploy/prod/patch.yaml", "docs/README.md"])
    }
}
