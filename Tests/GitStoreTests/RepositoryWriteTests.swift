import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct RepositoryWriteTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_100_000),
        timeZoneOffsetMinutes: 60)

    @Test func writesBlobsTreesAndACommitThatGitReadsBack() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        try fixture.commit(
            in: repo,
            files: ["deploy/web.yaml": "memory: 1Gi\n", "deploy/db.yaml": "db\n", "run.sh": "#!/bin/sh\n"],
            message: "Start")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(repo)/run.sh")
        let base = try fixture.commit(in: repo, files: [:], message: "Make run.sh executable")

        let repository = try Repository.open(path: repo)
        let blob = try repository.writeBlob(Array("hello\n".utf8))
        #expect(blob.hex == (try fixture.git(["hash-object", "--stdin"], input: Array("hello\n".utf8))))

        let tree = try repository.makeTree(
            base: ObjectID(hex: base)!,
            upserts: [
                "deploy/web.yaml": Array("memory: 2Gi\n".utf8),
                "overlays/prod/patch.yaml": Array("p: 1\n".utf8),
                "run.sh": Array("#!/bin/sh\necho hi\n".utf8),
            ],
            deletes: ["deploy/db.yaml"])
        let commit = try repository.commit(
            tree: tree, parents: [ObjectID(hex: base)!], author: Self.bot, committer: Self.bot,
            message: "Right-size web\n\nSteward-Finding: rightsize/prod/shop/Deployment/web/app")
        // Writing objects moves no reference.
        #expect(try fixture.revision("main", in: repo) == base)
        try repository.updateReference(
            "refs/heads/main", to: commit, expecting: ObjectID(hex: base)!, message: "steward: commit")

        #expect(
            try fixture.git(["ls-tree", "-r", "--name-only", "main"], in: repo)
                == "deploy/web.yaml\noverlays/prod/patch.yaml\nrun.sh")
        #expect(try fixture.git(["show", "main:deploy/web.yaml"], in: repo) == "memory: 2Gi")
        #expect(try fixture.git(["ls-tree", "main", "run.sh"], in: repo).hasPrefix("100755 blob "))
        #expect(
            try fixture.git(["ls-tree", "main", "overlays/prod/patch.yaml"], in: repo).hasPrefix(
                "100644 blob "))
        #expect(
            try fixture.git(["log", "-1", "--format=%an <%ae> %ad%n%B", "--date=raw", "main"], in: repo)
                == "Steward <steward@example.com> 1700100000 +0100\nRight-size web\n\nSteward-Finding: rightsize/prod/shop/Deployment/web/app\n"
        )
        try fixture.git(["fsck", "--strict", "--no-dangling"], in: repo)
        #expect(try repository.signature(of: commit) == nil)
    }

    @Test func anEmptyBaseBuildsATreeFromScratch() throws {
        let fixture = try GitFixture()
        let repository = try Repository(path: fixture.path("new.git"), bare: true)
        let tree = try repository.makeTree(base: nil, upserts: ["a/b/c.yaml": Array("c\n".utf8), "top": []])
        let commit = try repository.commit(
            tree: tree, parents: [], author: Self.bot, committer: Self.bot, message: "Root")
        try repository.updateReference("refs/heads/main", to: commit, expecting: nil, message: "create")
        #expect(
            try fixture.git(["ls-tree", "-r", "main"], in: fixture.path("new.git"))
                == "100644 blob f2ad6c76f0115a6ba5b00456a849810e7ec0af20\ta/b/c.yaml\n"
                + "100644 blob e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\ttop")
    }

    @Test func aSignedCommitVerifiesWithGitAndATamperedOneDoesNot() throws {
        let fixture = try GitFixture()
        let keys = try SSHTestKey(in: fixture.path("keys"))
        let repo = try fixture.makeRepository("app")
        let base = try fixture.commit(in: repo, files: ["web.yaml": "a\n"], message: "Start")
        let repository = try Repository.open(path: repo)
        let tree = try repository.makeTree(
            base: ObjectID(hex: base)!, upserts: ["web.yaml": Array("b\n".utf8)])
        // The signer is ssh-keygen itself: this checks GitStore's side (payload and header).
        let commit = try repository.commit(
            tree: tree, parents: [ObjectID(hex: base)!], author: Self.bot, committer: Self.bot,
            message: "Signed change", signer: { try keys.sign($0) })
        try repository.updateReference(
            "refs/heads/main", to: commit, expecting: ObjectID(hex: base)!, message: "sign")

        let verified = try keys.verifyCommit("main", in: repo)
        #expect(verified.status == 0)
        #expect(
            verified.stderr.contains(
                "Good \"git\" signature for steward@example.com with ED25519 key \(keys.fingerprint)"))
        let signature = try #require(try repository.signature(of: commit))
        #expect(signature.armor.hasPrefix("-----BEGIN SSH SIGNATURE-----\n"))
        #expect(signature.armor.hasSuffix("-----END SSH SIGNATURE-----"))
        #expect(
            try fixture.git(["cat-file", "commit", "main"], in: repo).contains(
                "\n -----END SSH SIGNATURE-----\n\nSigned change"))

        // Same signature, different message: git must reject it.
        let raw = try fixture.git(["cat-file", "commit", "main"], in: repo) + "\n"
        let tampered = raw.replacingOccurrences(of: "Signed change", with: "Signed chance")
        let forged = try fixture.git(
            ["hash-object", "-t", "commit", "-w", "--stdin"], in: repo, input: Array(tampered.utf8))
        let rejected = try keys.verifyCommit(forged, in: repo)
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("Signature verification failed"))
    }

    @Test func aFailingSignerWritesNoCommit() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let base = try fixture.commit(in: repo, files: ["web.yaml": "a\n"], message: "Start")
        let repository = try Repository.open(path: repo)
        let before = try GitSnapshot(of: repo, fixture: fixture)
        struct SignerDown: Error {}
        #expect(throws: SignerDown.self) {
            try repository.commit(
                tree: try repository.treeID("main"), parents: [ObjectID(hex: base)!], author: Self.bot,
                committer: Self.bot, message: "x", signer: { _ in throw SignerDown() })
        }
        #expect(try GitSnapshot(of: repo, fixture: fixture) == before)
    }

    @Test func badTreeUpdatesAreRefusedBeforeAnythingIsWritten() throws {
        let fixture = try GitFixture()
        let repo = try fixture.makeRepository("app")
        let base = try ObjectID(
            hex: fixture.commit(in: repo, files: ["deploy/web.yaml": "a\n"], message: "Start"))!
        let repository = try Repository.open(path: repo)
        let before = try GitSnapshot(of: repo, fixture: fixture)
        let cases: [(upserts: [String: [UInt8]], deletes: [String], code: GitError.Code)] = [
            (["../escape.yaml": [1]], [], .invalidInput),
            (["deploy//web.yaml": [1]], [], .invalidInput),
            (["/abs.yaml": [1]], [], .invalidInput),
            (["deploy": [1]], [], .invalidInput),
            (["x.yaml": [1]], ["missing.yaml"], .notFound),
            (["deploy/web.yaml": [1]], ["deploy/web.yaml"], .invalidInput),
        ]
        for item in cases {
            let error = #expect(throws: GitError.self) {
                try repository.makeTree(base: base, upserts: item.upserts, deletes: item.deletes)
            }
            #expect(error?.code == item.code)
        }
        #expect(try GitSnapshot(of: repo, fixture: fixture) == before)
    }
}
