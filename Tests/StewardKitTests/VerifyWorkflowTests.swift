import Foundation
import TestSupport
import Testing
import YAMLSyntax

/// `.github-examples/verify.yml`: the pull-request check runs only for bot branches, and its
/// command line, as GitHub would run it, passes the demo's bot branch and fails once a person
/// pushes to it.
@Suite struct VerifyWorkflowTests {
    @Test func theWorkflowsCommandPassesBotCommitsAndFailsAHumanOne() throws {
        let path = PackagePaths.root.appendingPathComponent(".github-examples/verify.yml").path
        let workflow = try #require(try YAMLFile(contentsOf: path).documents.first?.value)
        let job = try #require(workflow["jobs"]?["verify"])
        #expect(job["if"]?.scalarText == "startsWith(github.head_ref, 'steward/')")
        #expect(workflow["permissions"]?["contents"]?.scalarText == "read")
        guard case .sequence(let steps) = job["steps"] else {
            Issue.record("no steps")
            return
        }
        // Every step but the build (the test has built Steward), in order, as GitHub runs them.
        let scripts = steps.filter { $0["name"]?.scalarText != "Build Steward" }.compactMap {
            $0["run"]?.scalarText
        }
        #expect(scripts.count == 2)

        // A GitOps repository whose base branch lists the demo's key, and the demo's bot branch.
        let demo = try TemporaryDirectory("steward-demo")
        try PackagePaths.steward().run(["demo", "--workdir", demo.url.path], in: PackagePaths.root.path)
        let checkout = try TemporaryDirectory("steward-verify-workflow")
        let git = ExternalTool.git
        let environment = [
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": demo.path("gitconfig").path,
            "GIT_AUTHOR_NAME": "Ana", "GIT_AUTHOR_EMAIL": "ana@example.test",
            "GIT_COMMITTER_NAME": "Ana", "GIT_COMMITTER_EMAIL": "ana@example.test",
        ]
        let work = checkout.url.path
        try git.run(["clone", "-q", demo.path("remote.git").path, work], environment: environment)
        try FileManager.default.copyItem(
            at: demo.path("allowed_signers"), to: checkout.path("policies/allowed_signers"))
        try git.run(["-C", work, "add", "policies/allowed_signers"], environment: environment)
        try git.run(["-C", work, "commit", "-q", "-m", "Trust Steward's key"], environment: environment)
        try git.run(["-C", work, "push", "-q", "origin", "main"], environment: environment)
        try git.run(["-C", work, "fetch", "-q", "origin"], environment: environment)
        let head = try git.run(["-C", work, "rev-parse", "origin/steward/apps-shop"])

        let binary = try PackagePaths.stewardBinary().path
        func runCheck(head: String) throws -> ExternalToolOutput {
            let command = scripts.joined(separator: "\n")
                .replacingOccurrences(of: "/opt/steward/.build/release/steward", with: binary)
                .replacingOccurrences(of: "${{ github.base_ref }}", with: "main")
                .replacingOccurrences(of: "${{ github.event.pull_request.head.sha }}", with: head)
            return try ExternalTool(name: "sh", install: "apt-get install dash")
                .result(
                    ["-e", "-c", command], in: work,
                    environment: environment.merging(["GITHUB_WORKSPACE": work]) { $1 })
        }

        let bot = try runCheck(head: head)
        #expect(bot.status == 0)
        #expect(bot.text == "ok: 4 bot commits verified in origin/main..\(head), 0 human commits ignored\n")

        // A person's commit on the bot branch fails the check.
        try git.run(["-C", work, "checkout", "-q", head], environment: environment)
        try FileManager.default.createDirectory(
            at: checkout.path("notes"), withIntermediateDirectories: true)
        _ = try checkout.write("notes/why.md", "Because.\n")
        try git.run(["-C", work, "add", "notes/why.md"], environment: environment)
        try git.run(["-C", work, "commit", "-q", "-m", "Explain the change"], environment: environment)
        let human = try git.run(["-C", work, "rev-parse", "HEAD"])
        let failed = try runCheck(head: human)
        #expect(failed.status == 1)
        #expect(
            failed.text
                == "\(human.prefix(7)) Explain the change: not a bot commit (no Steward-Finding trailer)\n")
        #expect(failed.stderr == "steward: error: 1 violation in origin/main..\(human)\n")
    }
}
