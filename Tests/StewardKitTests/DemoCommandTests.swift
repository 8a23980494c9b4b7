import Foundation
import TestSupport
import Testing

/// `steward demo` on the bundled example, through the built binary.
@Suite struct DemoCommandTests {
    @Test func plansTheBundledExample() throws {
        let workdir = try TemporaryDirectory("steward-demo")
        let output = try PackagePaths.steward().result(
            ["demo", "--workdir", workdir.url.path], in: PackagePaths.root.path)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let text = output.text
        #expect(text.hasPrefix("Plan for \(workdir.url.path)/repo (cluster demo, window 7 days)\n"))
        #expect(
            text.contains(
                """
                shop/Deployment/web  (apps/shop/web.yaml)
                  container app
                    cpu request     500m  -> 180m    (p95 0.156 cores)  allowed (rule demo-apps)
                    memory request  1Gi   -> 384Mi   (max 333.9 MiB)    allowed (rule demo-apps)
                    memory limit    1Gi   -> 384Mi   (max 333.9 MiB)    allowed (rule demo-apps)

                """))
        #expect(
            text.contains(
                """

                Policy policies/steward.yaml (demo): 14 allowed, 0 clamped, 0 rejected
                14 changes in 4 files, 1 container already right-sized, 1 skipped

                """))
        // Only value lines change: the comment after the value and the quoting stay.
        #expect(
            text.contains("-              cpu: 500m      # sized for Black Friday 2025, never revisited\n"))
        #expect(
            text.contains("+              cpu: 180m      # sized for Black Friday 2025, never revisited\n"))
        #expect(
            text.contains(
                "+            memory: \"588Mi\"   # redis gets OOM-killed above this; see INC-2291\n"))
        #expect(text.contains("+                        requests: {cpu: 460m, memory: 207Mi}\n"))
        // The example is also a Git repository, as Steward finds a GitOps repository.
        let remote = workdir.path("remote.git").path
        let files = try ExternalTool.git.run(["-C", remote, "ls-tree", "-r", "--name-only", "main"])
        #expect(
            files.split(separator: "\n") == [
                "README.md", "apps/payments/api.yaml", "apps/search/indexer.yaml",
                "apps/shop/cart-redis.yaml",
                "apps/shop/namespace.yaml", "apps/shop/web-service.yaml", "apps/shop/web.yaml",
                "policies/steward.tests.yaml", "policies/steward.yaml",
            ])
        #expect(
            try ExternalTool.git.run(["-C", remote, "log", "--format=%s", "main"])
                == "Add the shop, payments and search apps")
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
