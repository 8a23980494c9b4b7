import Foundation
import GitStore
import Signing
import StewardKit
import StewardVerify
import TestSupport
import Testing

/// `steward verify` on real repositories: commits signed through Signing and written through
/// GitStore, checked by the built binary.
@Suite struct VerifyCommandTests {
    static let rightsize = [("cpu: 500m", "cpu: 180m"), ("memory: 1Gi", "memory: 600Mi")]
    static let subject = "steward: right-size shop/Deployment/web container app"

    @Test func aValidBotCommitPasses() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(replacing: Self.rightsize, key: fixture.bot)
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(output.stderr == "")
        #expect(output.text == "ok: 1 bot commit verified in main..steward/web, 0 human commits ignored\n")
        #expect(output.status == 0)
        // Stock git accepts the same signature.
        let stock = try fixture.bot.verifyCommit(commit.hex, in: fixture.path)
        #expect(stock.status == 0)
        #expect(stock.stderr.contains("Good \"git\" signature for steward@example.com"))
    }

    @Test func aBotCommitThatAlsoTouchesTheImageFails() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(
            replacing: Self.rightsize + [("example/web:1.0", "example/web:1.1")], key: fixture.bot)
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(output.status == 1)
        #expect(
            output.text
                == "\(commit.short) \(Self.subject): apps/web.yaml[0] spec.template.spec.containers[0].image: "
                + "not a container resources field of a workload (example/web:1.0 -> example/web:1.1)\n")
        #expect(output.stderr == "steward: error: 1 violation in main..steward/web\n")
    }

    @Test func anUnsignedCommitClaimingToBeTheBotFails() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(replacing: Self.rightsize, key: nil)
        let output = try fixture.steward(["verify", "--repo", "repo", "--base", "main", "steward/web"])
        #expect(output.status == 1)
        #expect(output.text == "\(commit.short) \(Self.subject): not signed\n")
        #expect(output.stderr == "steward: error: 1 violation in main..steward/web\n")
    }

    @Test func aCommitSignedByAnUnknownKeyFails() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(replacing: Self.rightsize, key: fixture.stranger)
        let main = try #require(try fixture.git.revision("main", in: fixture.path))
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(output.status == 1)
        #expect(
            output.text
                == "\(commit.short) \(Self.subject): signature: no principal in "
                + "policies/allowed_signers@\(main.prefix(7)) may sign namespace \"git\" with key "
                + "\(fixture.stranger.fingerprint)\n")
        // An allowed-signers file given on the command line replaces the one at the base.
        let allowed = try fixture.steward([
            "verify", "--repo", "repo", "--allowed-signers", fixture.stranger.allowedSignersPath,
            "main..steward/web",
        ])
        #expect(allowed.status == 0)
    }

    @Test func aTamperedEvidenceNoteFails() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(replacing: Self.rightsize, key: fixture.bot)
        let repository = try Repository.open(path: fixture.path)
        let tampered = BotRepositoryFixture.evidence.replacingOccurrences(of: "0.156", with: "0.056")
        try repository.addNote(
            tampered, to: commit, author: BotRepositoryFixture.person, committer: BotRepositoryFixture.person,
            overwrite: true)
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(output.status == 1)
        let expected = Digest.sha256(BotRepositoryFixture.evidence).prefix(12)
        let found = Digest.sha256(tampered).prefix(12)
        #expect(
            output.text
                == "\(commit.short) \(Self.subject): Steward-Evidence sha256:\(expected)… does not match the note "
                + "on refs/notes/steward (sha256:\(found)…)\n")

        let missing = try BotRepositoryFixture()
        let bare = try missing.botCommit(replacing: Self.rightsize, key: missing.bot, note: nil)
        let none = try missing.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(none.text == "\(bare.short) \(Self.subject): no evidence note on refs/notes/steward\n")
    }

    @Test func valuesOutOfBoundsAndOtherWorkloadsFail() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(
            replacing: [("cpu: 500m", "cpu: 100m")], key: fixture.bot,
            finding: "rightsize/prod/shop/Deployment/api/app")
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(output.status == 1)
        #expect(
            output.text.components(separatedBy: "\n").filter { !$0.isEmpty } == [
                "\(commit.short) \(Self.subject): apps/web.yaml[0] spec.template.spec.containers[0].resources.requests.cpu: "
                    + "500m -> 100m is out of bounds: maxDecreasePercent 70 of 500m allows at most a change to 150m "
                    + "(rule shop-requests)",
                "\(commit.short) \(Self.subject): apps/web.yaml[0] spec.template.spec.containers[0].resources.requests.cpu: "
                    + "changes shop/Deployment/web container app, but the finding is about shop/Deployment/api container app",
            ])
    }

    @Test func thePolicyTrailerMustNameThePolicyInForceAtTheParent() throws {
        let fixture = try BotRepositoryFixture()
        let first = try fixture.botCommit(
            replacing: [("cpu: 500m", "cpu: 400m")], files: ["policies/steward.yaml": "# anything goes\n"],
            key: fixture.bot)
        let second = try fixture.botCommit(
            replacing: [("cpu: 400m", "cpu: 300m")], key: fixture.bot, rule: "other")
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(output.status == 1)
        #expect(
            output.text.components(separatedBy: "\n").filter { !$0.isEmpty } == [
                "\(first.short) \(Self.subject): policies/steward.yaml: documents are added or removed "
                    + "(1 before, 0 after)",
                // The second commit's parent holds the first commit's policy edit, which allows nothing.
                "\(second.short) \(Self.subject): policies/steward.yaml at the parent \(first.short) does not load "
                    + "(1:1: the file is empty): nothing is allowed",
            ])
    }

    @Test func thePolicyTrailerMustNameTheBlobAndPathAtTheParent() throws {
        let fixture = try BotRepositoryFixture()
        let readme = try fixture.git.git(["rev-parse", "main:README.md"], in: fixture.path)
        let message = { (path: String, blob: String) in
            BotCommitMessage(
                subject: "steward: right-size", body: "", finding: "rightsize/prod/shop/Deployment/web/app",
                evidence: Digest.sha256(BotRepositoryFixture.evidence), policyRule: "shop-requests",
                policyPath: path, policyBlob: blob, run: "run-1"
            ).text
        }
        let wrongBlob = try fixture.botCommit(
            replacing: Self.rightsize, key: fixture.bot, message: message("policies/steward.yaml", readme))
        let wrongPath = try fixture.botCommit(
            branch: "steward/other", replacing: Self.rightsize, key: fixture.bot,
            message: message("policies/lenient.yaml", readme))
        let blob = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(
            blob.text
                == "\(wrongBlob.short) steward: right-size: Steward-Policy names blob \(readme.prefix(7)), which is not "
                + "policies/steward.yaml at the parent \(try #require(try fixture.git.revision("main", in: fixture.path)).prefix(7))\n"
        )
        let path = try fixture.steward(["verify", "--repo", "repo", "main..steward/other"])
        #expect(
            path.text
                == "\(wrongPath.short) steward: right-size: Steward-Policy names policies/lenient.yaml, but the "
                + "policy in force is policies/steward.yaml\n")
    }

    @Test func humanCommitsAreIgnoredOrReported() throws {
        let fixture = try BotRepositoryFixture()
        try fixture.botCommit(replacing: Self.rightsize, key: fixture.bot)
        try fixture.git.git(["checkout", "-q", "steward/web"], in: fixture.path)
        let human = try fixture.git.commit(
            in: fixture.path, files: ["README.md": "# shop, by hand\n"], message: "Fix the readme")
        let ignored = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(ignored.status == 0)
        #expect(ignored.text == "ok: 1 bot commit verified in main..steward/web, 1 human commit ignored\n")
        let reported = try fixture.steward([
            "verify", "--repo", "repo", "--report-human-commits", "main..steward/web",
        ])
        #expect(reported.status == 1)
        #expect(
            reported.text
                == "\(human.prefix(7)) Fix the readme: not a bot commit (no Steward-Finding trailer)\n")
    }

    @Test func malformedTrailersAreReported() throws {
        let fixture = try BotRepositoryFixture()
        let commit = try fixture.botCommit(
            replacing: Self.rightsize, key: fixture.bot,
            message: "steward: right-size\n\nSteward-Finding: rightsize/prod/shop/Deployment/web/app\n"
                + "Steward-Evidence: md5:abc\nSteward-Policy: shop-requests\n")
        let output = try fixture.steward(["verify", "--repo", "repo", "main..steward/web"])
        #expect(
            output.text.components(separatedBy: "\n").filter { !$0.isEmpty } == [
                "\(commit.short) steward: right-size: Steward-Evidence is not sha256:<64 lowercase hex digits>: md5:abc",
                "\(commit.short) steward: right-size: Steward-Policy is not `<rule> (<policy path>@<blob id>)`: "
                    + "shop-requests",
                "\(commit.short) steward: right-size: missing the Steward-Run trailer",
            ])
    }

    @Test func aRangeIsRequiredAndMustResolve() throws {
        let fixture = try BotRepositoryFixture()
        let noBase = try fixture.steward(["verify", "--repo", "repo"])
        #expect(noBase.status == 1)
        #expect(
            noBase.stderr
                == "steward: error: give the commits to check as BASE..HEAD, or a revision with --base REF\n")
        let unknown = try fixture.steward(["verify", "--repo", "repo", "main..nowhere"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("steward: error: "))
        #expect(unknown.stderr.contains("nowhere"))
    }

    @Test func theCommitMessageFormatReadsBack() throws {
        let message = BotCommitMessage(
            subject: "steward: right-size shop/Deployment/web container app",
            body: "cpu request 500m -> 180m",
            finding: "rightsize/prod/shop/Deployment/web/app", evidence: String(repeating: "a", count: 64),
            policyRule: "requests (v2)", policyPath: "policies/steward.yaml",
            policyBlob: String(repeating: "b", count: 40), run: "run-1")
        #expect(
            message.text == """
                steward: right-size shop/Deployment/web container app

                cpu request 500m -> 180m

                Steward-Finding: rightsize/prod/shop/Deployment/web/app
                Steward-Evidence: sha256:\(String(repeating: "a", count: 64))
                Steward-Policy: requests (v2) (policies/steward.yaml@\(String(repeating: "b", count: 40)))
                Steward-Run: run-1

                """)
        var parsed = try BotCommitMessage(parsing: message.text)
        parsed.body = message.body
        #expect(parsed == message)
        #expect(BotCommitMessage.claimsBot(message.text))
        #expect(!BotCommitMessage.claimsBot("Fix\n\nSigned-off-by: a <a@b>\n"))
    }
}
