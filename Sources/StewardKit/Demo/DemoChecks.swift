import Foundation
import GitStore
import StewardVerify

/// The demo's proof that the commits are what they claim: stock `git verify-commit` on every bot
/// commit with the demo's allowed signers, then Steward's own verifier on every branch.
struct DemoChecks {
    let paths: DemoPaths
    let branches: [String]

    /// What the checks print, and how many of them failed: a demo whose proof fails must not
    /// exit 0.
    func run() async -> (text: String, failures: Int) {
        var failures = 0
        var lines = [
            "Signatures, checked by git verify-commit with gpg.ssh.allowedSignersFile=\(paths.allowedSigners):"
        ]
        let repository = try? Repository.open(path: paths.remote)
        let width = branches.map(\.count).max() ?? 0
        for branch in branches {
            guard let repository, (try? repository.reference("refs/heads/\(branch)")) != nil,
                let commits = try? repository.history(of: [], from: "refs/heads/\(branch)", excluding: "main")
            else { continue }
            for commit in commits.reversed() {
                let name = branch.padding(toLength: width, withPad: " ", startingAt: 0)
                let verdict = await gitVerifyCommit(commit.id)
                if !verdict.good { failures += 1 }
                lines.append("  \(commit.id.short) \(name)  \(verdict.text)")
            }
        }
        lines.append("Steward's verifier (steward verify --allowed-signers \(paths.allowedSigners)):")
        for branch in branches where (try? repository?.reference("refs/heads/\(branch)")) != nil {
            let request = VerifyRequest(
                repository: paths.remote, range: "main..\(branch)", allowedSigners: paths.allowedSigners)
            do {
                let report = try Verifier(request).run()
                if report.failure != nil { failures += 1 }
                lines.append(
                    "  "
                        + report.text.trimmingCharacters(in: .newlines).replacingOccurrences(
                            of: "\n", with: "\n  "))
            } catch {
                failures += 1
                lines.append("  \(branch): \(error.message)")
            }
        }
        return (lines.joined(separator: "\n") + "\n", failures)
    }

    /// What `git verify-commit` says about `commit`: its `Good "git" signature …` line, or why it
    /// could not say.
    private func gitVerifyCommit(_ commit: ObjectID) async -> (good: Bool, text: String) {
        let arguments = [
            "-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(paths.allowedSigners)",
            "verify-commit", commit.hex,
        ]
        guard let output = await DemoGit(repository: paths.remote).run(arguments) else {
            return (
                false, "git is not installed (apt-get install git); run: git verify-commit \(commit.short)"
            )
        }
        let said = output.standardError.split(separator: "\n").first.map(String.init) ?? ""
        guard output.status == 0 else { return (false, "FAILED (exit \(output.status)): \(said)") }
        return (true, said)
    }
}
