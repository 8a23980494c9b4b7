import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct GitDiffTests {
    @Test func patchOfAModifiedFileAppliesWithGitApplyAtTheRoot() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("work")
        let old = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2 # keep\n  paused: false\n"
        let new = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3 # keep\n  paused: false\n"
        try fixture.commit(in: repo, files: ["deploy/web.yaml": old], message: "Add web")

        let patch = try GitDiff.unifiedPatch(
            old: Array(old.utf8), new: Array(new.utf8), oldPath: "deploy/web.yaml", newPath: "deploy/web.yaml"
        )

        #expect(
            patch == """
                diff --git a/deploy/web.yaml b/deploy/web.yaml
                index 1b23f53..974f235 100644
                --- a/deploy/web.yaml
                +++ b/deploy/web.yaml
                @@ -1,5 +1,5 @@
                 apiVersion: apps/v1
                 kind: Deployment
                 spec:
                -  replicas: 2 # keep
                +  replicas: 3 # keep
                   paused: false

                """)
        let patchFile = try fixture.write(patch, to: "change.patch")
        try fixture.git(["apply", patchFile], in: repo)
        let applied = try String(contentsOfFile: "\(repo)/deploy/web.yaml", encoding: .utf8)
        #expect(applied == new)
    }

    @Test func patchCreatingAndDeletingFilesApplies() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("work")
        try fixture.commit(in: repo, files: ["old.yaml": "a: 1\n"], message: "Add old")

        let created = try GitDiff.unifiedPatch(
            old: nil, new: Array("b: 2\n".utf8), oldPath: "overlays/prod/patch.yaml",
            newPath: "overlays/prod/patch.yaml")
        let deleted = try GitDiff.unifiedPatch(
            old: Array("a: 1\n".utf8), new: nil, oldPath: "old.yaml", newPath: "old.yaml")
        #expect(created.contains("new file mode 100644\n"))
        #expect(created.contains("--- /dev/null\n+++ b/overlays/prod/patch.yaml\n"))
        #expect(deleted.contains("deleted file mode 100644\n"))

        try fixture.git(["apply", try fixture.write(created + deleted, to: "both.patch")], in: repo)
        #expect(try String(contentsOfFile: "\(repo)/overlays/prod/patch.yaml", encoding: .utf8) == "b: 2\n")
        #expect(!FileManager.default.fileExists(atPath: "\(repo)/old.yaml"))
    }

    @Test func identicalContentsGiveAnEmptyPatch() throws {
        let bytes = Array("same: true\n".utf8)
        #expect(try GitDiff.unifiedPatch(old: bytes, new: bytes, oldPath: "x.yaml", newPath: "x.yaml") == "")
    }

    @Test func emptyFileBecomingNonEmptyIsAModificationNotACreation() throws {
        let patch = try GitDiff.unifiedPatch(old: [], new: Array("a\n".utf8), oldPath: "e", newPath: "e")
        #expect(
            patch
                == "diff --git a/e b/e\nindex e69de29..7898192 100644\n--- a/e\n+++ b/e\n@@ -0,0 +1 @@\n+a\n")
    }
}
