import Foundation
import TestSupport
import Testing

/// `steward demo` proves its commits with `git verify-commit` and `steward verify`; when that
/// proof fails, the demo must say so and exit 1, not print FAILED and exit 0.
@Suite struct DemoCheckFailureTests {
    @Test func aSigningKeyThatNoLongerMatchesTheBranchesFailsTheDemo() throws {
        let workdir = try TemporaryDirectory("steward-demo")
        let directory = workdir.url.path
        let first = try PackagePaths.steward().result(
            ["demo", "--workdir", directory], in: PackagePaths.root.path)
        #expect(first.status == 0)

        // A new key: the branches on the remote were signed by the old one, which the rewritten
        // allowed-signers file no longer lists.
        try FileManager.default.removeItem(at: workdir.path("signing_key"))
        try ExternalTool.sshKeygen.run([
            "-q", "-t", "ed25519", "-N", "", "-C", "rotated", "-f", workdir.path("signing_key").path,
        ])
        let remote = workdir.path("remote.git").path
        let references = try ExternalTool.git.run([
            "-C", remote, "for-each-ref", "--format=%(refname) %(objectname)",
        ])

        let second = try PackagePaths.steward().result(
            ["demo", "--workdir", directory], in: PackagePaths.root.path)
        #expect(second.status == 1)
        #expect(
            second.stderr
                == "steward: error: 9 of the demo's checks failed: see the signatures and the verifier above\n"
        )
        let failed = second.text.split(separator: "\n").filter {
            $0.contains("  FAILED (exit 1): Good \"git\" signature with ED25519 key SHA256:")
        }
        #expect(failed.count == 6)
        #expect(second.text.contains("\"blocked\":3,"))
        #expect(second.text.contains("\"pushed\":0,"))
        // Nothing was pushed over the old key's commits.
        #expect(
            try ExternalTool.git.run(["-C", remote, "for-each-ref", "--format=%(refname) %(objectname)"])
                == references)
    }
}
