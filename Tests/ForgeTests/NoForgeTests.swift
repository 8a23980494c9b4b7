import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Forge

/// The `none` forge: pull requests as Markdown files or printed text.
@Suite("No forge")
struct NoForgeTests {
    static let draft = PullRequestDraft(
        title: "steward: right-size shop/web (cpu 500m→180m)", body: "## Summary\n\nSmaller requests.\n",
        head: "steward/shop-web", base: "main", labels: ["steward", "size: small"])

    static let expectedFile = """
        <!-- steward pull request: head=steward%2Fshop-web base=main labels=steward,size%3A%20small -->
        # steward: right-size shop/web (cpu 500m→180m)

        ## Summary

        Smaller requests.

        """

    @Test("writes one Markdown file per branch and finds it again in a later run")
    func directory() async throws {
        let directory = try TemporaryDirectory("steward-noforge")
        let forge = NoForge(output: .directory(directory.url.path))

        let created = try await forge.createPullRequest(Self.draft)
        let again = try await forge.createPullRequest(Self.draft)

        let file = directory.path("steward-shop-web.md")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.expectedFile)
        #expect(created.number == 1)
        #expect(again == created)
        #expect(created.webURL == file.absoluteString)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["steward-shop-web.md"]
        )

        let laterRun = NoForge(output: .directory(directory.url.path))
        let found = try #require(
            try await laterRun.findOpenPullRequest(head: "steward/shop-web", base: "main"))
        #expect(found.title == Self.draft.title)
        #expect(found.body == Self.draft.body)
        #expect(found.labels == ["steward", "size: small"])
        #expect(
            try await laterRun.openPullRequests(headPrefix: "steward/").map(\.head) == ["steward/shop-web"])
        #expect(try await laterRun.openPullRequests(headPrefix: "renovate/").isEmpty)
    }

    @Test("updates rewrite the file; comments go beside it; closing removes it")
    func updateCommentClose() async throws {
        let directory = try TemporaryDirectory("steward-noforge")
        let forge = NoForge(output: .directory(directory.url.path))
        let created = try await forge.createPullRequest(Self.draft)

        let updated = try await forge.updatePullRequest(
            created.number, title: "new title", body: nil, labels: [])
        try await forge.comment(on: created.number, body: "First note.")
        try await forge.closePullRequest(created.number, comment: "The finding is gone.")

        #expect(updated.title == "new title")
        #expect(updated.body == Self.draft.body)
        #expect(!FileManager.default.fileExists(atPath: directory.path("steward-shop-web.md").path))
        #expect(
            try String(contentsOf: directory.path("steward-shop-web.comments.md"), encoding: .utf8)
                == "First note.\n\n---\n\nThe finding is gone.\n")
        #expect(try await forge.findOpenPullRequest(head: "steward/shop-web", base: "main") == nil)
        let error = try #require(
            await #expect(throws: ForgeError.self) {
                try await forge.updatePullRequest(created.number, title: "x", body: nil, labels: nil)
            })
        #expect(error.description == "no forge found nothing (no open pull request #1)")
    }

    @Test("prints the pull request when there is no directory")
    func standardOutput() async throws {
        let printed = Mutex<[String]>([])
        let forge = NoForge(output: .standardOutput) { text in printed.withLock { $0.append(text) } }

        let created = try await forge.createPullRequest(Self.draft)
        try await forge.closePullRequest(created.number, comment: "Gone.")

        #expect(
            printed.withLock { $0 } == [
                Self.expectedFile, "<!-- steward comment on #1 (steward/shop-web) -->\nGone.\n",
                "<!-- steward closed #1 (steward/shop-web) -->\n",
            ])
        #expect(created.webURL == "stdout:#1")
    }

    @Test("an unwritable directory is an output error naming the path")
    func unwritable() async throws {
        let directory = try TemporaryDirectory("steward-noforge")
        let blocker = try directory.write("blocker", "a file, not a directory\n")
        let forge = NoForge(output: .directory(blocker.path))

        let error = try #require(
            await #expect(throws: ForgeError.self) { try await forge.createPullRequest(Self.draft) })

        #expect(error.code == .output)
        #expect(error.message.hasPrefix("cannot write \(blocker.path)/steward-shop-web.md: "))
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "a file, not a directory\n")
    }

    @Test(
        "documents read back exactly what was written",
        arguments: [
            NoForgeDocument(head: "steward/a", base: "main", labels: [], title: "t", body: ""),
            NoForgeDocument(
                head: "steward/a b", base: "release/1.2", labels: ["a,b", "c d"], title: "# hash",
                body: "Labels: x\n\nbody"),
            NoForgeDocument(
                head: "x", base: "y", labels: ["z"], title: "t",
                body: "<!-- steward pull request: head=a -->\n"),
        ])
    func roundTrip(document: NoForgeDocument) throws {
        #expect(NoForgeDocument(parsing: document.text) == document)
    }
}
