import Foundation
import TestSupport
import Testing

/// `steward demo` on the bundled example, through the built binary: the whole loop, twice.
@Suite struct DemoCommandTests {
    @Test func runsTheWholeLoopAndTheSecondRunChangesNothing() throws {
        let workdir = try TemporaryDirectory("steward-demo")
        let directory = workdir.url.path
        let first = try PackagePaths.steward().result(
            ["demo", "--workdir", directory], in: PackagePaths.root.path)
        #expect(first.status == 0)
        #expect(first.stderr == "")
        let text = first.text
        #expect(
            text.hasPrefix(
                "Steward demo in \(directory)\n  remote       file://\(directory)/remote.git (made from "))
        #expect(
            text.contains(
                """
                6 findings with 14 changes to write, 0 rejected by the policy

                steward/apps-payments  opened #1  pushed 1 commit and opened the pull request
                                       file://\(directory)/steward-apps-payments.md
                steward/apps-search    opened #2  pushed 1 commit and opened the pull request
                                       file://\(directory)/steward-apps-search.md
                steward/apps-shop      opened #3  pushed 4 commits and opened the pull request
                                       file://\(directory)/steward-apps-shop.md

                """))
        // The diff of each branch: only the value lines change, comments stay.
        #expect(
            text.contains(
                "Changes on steward/apps-shop (git diff main...steward/apps-shop):\n\ndiff --git a/apps/shop/"
            ))
        #expect(
            text.contains(
                """
                -              cpu: 500m      # sized for Black Friday 2025, never revisited
                -              memory: 1Gi
                +              cpu: 180m      # sized for Black Friday 2025, never revisited
                +              memory: 384Mi

                """))
        let good = text.split(separator: "\n").filter {
            $0.contains("  Good \"git\" signature for steward@demo.invalid with ED25519 key SHA256:")
        }
        #expect(good.count == 6)
        #expect(
            text.contains(
                "  ok: 4 bot commits verified in main..steward/apps-shop, 0 human commits ignored\n"))
        #expect(
            text.contains("Pull request steward/apps-shop → main (\(directory)/steward-apps-shop.md):\n\n"))
        #expect(
            text.hasSuffix(
                "Run `steward demo --workdir \(directory)` again: it finds every branch as it would "
                    + "build it, pushes nothing and leaves the pull requests alone.\n"))

        // The files the issue promises, in the formats it promises.
        let allowed = try String(contentsOf: workdir.path("allowed_signers"), encoding: .utf8)
        #expect(allowed.hasPrefix("steward@demo.invalid namespaces=\"git\" ssh-ed25519 AAAA"))
        let shop = try String(contentsOf: workdir.path("steward-apps-shop.md"), encoding: .utf8)
        #expect(
            shop.hasPrefix(
                "<!-- steward pull request: head=steward%2Fapps-shop base=main labels=steward -->\n"
                    + "# steward: right-size 3 containers in target apps/shop\n\n"))
        #expect(
            shop.contains(
                "| shop/Deployment/web | app | cpu request | 500m | **180m** | allowed (rule demo-apps) |\n"))
        #expect(shop.contains("```mermaid\nxychart-beta\n    title \"shop/web app: memory (MiB)\"\n"))
        // The redis was OOM-killed twice at 512Mi: its memory goes above the limit at the kill,
        // max(512 × 1.2, 512 + 100) = 614.4 → 615Mi, not to its observed peak × 1.15 (588Mi), in a
        // commit of its own (the oom finding) next to its CPU right-sizing.
        #expect(
            shop.contains(
                "| shop/StatefulSet/cart-redis | redis | memory limit | 512Mi | **615Mi** | allowed (rule demo-apps) |\n"
            ))
        #expect(
            try ExternalTool.git.run([
                "-C", workdir.path("remote.git").path, "log", "--format=%s", "steward/apps-shop",
            ])
            .contains(
                "steward: raise memory after OOM kills of shop/cart-redis container redis (memory 512Mi→615Mi)"
            ))

        // The test's own check with stock git: every bot commit is Good, and only values changed.
        let remote = workdir.path("remote.git").path
        let commits = try ExternalTool.git.run(["-C", remote, "rev-list", "main..steward/apps-shop"]).split(
            separator: "\n")
        #expect(commits.count == 4)
        for commit in commits {
            let verified = try ExternalTool.git.result(
                [
                    "-C", remote, "-c", "gpg.format=ssh", "-c",
                    "gpg.ssh.allowedSignersFile=\(workdir.path("allowed_signers").path)",
                    "verify-commit", String(commit),
                ],
                environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"])
            #expect(verified.status == 0)
            #expect(
                verified.stderr.hasPrefix("Good \"git\" signature for steward@demo.invalid with ED25519 key ")
            )
        }
        let diff = try ExternalTool.git.run([
            "-C", remote, "diff", "main", "steward/apps-shop", "--", "apps/shop/web.yaml",
        ])
        #expect(
            diff.contains(
                """
                             requests:
                -              cpu: 500m      # sized for Black Friday 2025, never revisited
                -              memory: 1Gi
                +              cpu: 180m      # sized for Black Friday 2025, never revisited
                +              memory: 384Mi
                             limits:
                               cpu: "1"
                -              memory: 1Gi
                +              memory: 384Mi

                """))
        #expect(
            try ExternalTool.git.run(["-C", remote, "log", "--format=%s", "main"])
                == "Add the shop, payments and search apps")

        // The second run reuses everything and changes nothing.
        let references = try ExternalTool.git.run([
            "-C", remote, "for-each-ref", "--format=%(refname) %(objectname)",
        ])
        let second = try PackagePaths.steward().result(
            ["demo", "--workdir", directory], in: PackagePaths.root.path)
        #expect(second.status == 0)
        #expect(second.stderr == "")
        #expect(second.text.contains("(reused; first made from "))
        #expect(second.text.contains("steward/apps-shop      unchanged #3  the branch at "))
        #expect(second.text.contains("\"opened\":0,\"pushed\":0,"))
        #expect(second.text.contains("\"unchanged\":3,"))
        #expect(
            try ExternalTool.git.run(["-C", remote, "for-each-ref", "--format=%(refname) %(objectname)"])
                == references)
        #expect(try String(contentsOf: workdir.path("steward-apps-shop.md"), encoding: .utf8) == shop)
    }

    @Test func failsClearlyWithoutTheExamples() throws {
        let empty = try TemporaryDirectory("steward-demo")
        let output = try PackagePaths.steward().result(["demo", "--examples", empty.url.path])
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "steward: error: \(empty.url.path): not an examples directory (no demo-repo/ inside)\n")
    }
}
