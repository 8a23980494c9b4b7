import Foundation
import GitStore
import Policy
import Signing
import StewardPlanner

/// `steward verify`: checks every bot commit of a range on its own terms, trusting nothing the
/// commit says about itself. Signature against the allowed signers of the base, trailers, the
/// evidence note, the policy blob at the parent, and the scope check of the diff against that
/// policy.
package struct Verifier: Sendable {
    package var request: VerifyRequest

    package init(_ request: VerifyRequest) {
        self.request = request
    }

    /// Checks the range.
    /// - Throws: ``StewardError`` when the repository, the range or the allowed signers cannot be
    ///   read; problems of commits are violations in the report.
    package func run() throws(StewardError) -> VerifyReport {
        let repository: Repository
        do {
            repository = try Repository.open(path: request.repository)
        } catch {
            throw StewardError(error)
        }
        let (base, head, label) = try range(in: repository)
        let signers = try allowedSigners(in: repository, base: base)
        var report = VerifyReport(range: label)
        let commits: [CommitInfo]
        do {
            commits = try repository.history(of: [], from: head.hex, excluding: base.hex).reversed()
        } catch {
            throw StewardError(error, context: "cannot list the commits of \(label)")
        }
        var changedFields = 0
        for commit in commits {
            guard BotCommitMessage.claimsBot(commit.message) else {
                report.humanCommits += 1
                if request.reportHumanCommits {
                    report.violations.append(
                        VerifyViolation(
                            commit: commit.id.short, subject: commit.summary,
                            message: "not a bot commit (no \(BotCommitMessage.findingKey) trailer)"))
                }
                continue
            }
            report.botCommits += 1
            var check = CommitCheck(commit: commit, request: request, signers: signers)
            check.run(in: repository)
            changedFields += check.changedFields
            report.violations += check.problems.map {
                VerifyViolation(commit: commit.id.short, subject: commit.summary, message: $0)
            }
        }
        if let limit = limit(in: repository, base: base), changedFields > limit {
            report.violations.append(
                VerifyViolation(
                    commit: nil, subject: label,
                    message:
                        "the bot commits change \(changedFields) fields; the policy at the base allows at most "
                        + "\(limit) per pull request (spec.limits.maxChangesPerPullRequest)"))
        }
        return report
    }

    /// The base and head commits and how to name the range.
    private func range(in repository: Repository) throws(StewardError) -> (ObjectID, ObjectID, String) {
        let parts = request.range.components(separatedBy: "..")
        let baseName: String
        let headName: String
        if parts.count == 2 {
            guard !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix(".") else {
                throw .invalidInput("\(request.range): expected BASE..HEAD")
            }
            baseName = parts[0]
            headName = parts[1]
        } else if parts.count == 1, let base = request.base {
            baseName = base
            headName = request.range
        } else {
            throw .invalidInput("give the commits to check as BASE..HEAD, or a revision with --base REF")
        }
        do {
            return (
                try repository.resolve(baseName), try repository.resolve(headName), "\(baseName)..\(headName)"
            )
        } catch {
            throw StewardError(error)
        }
    }

    /// The allowed signers: the file given, or `policies/allowed_signers` at the base commit.
    private func allowedSigners(in repository: Repository, base: ObjectID) throws(StewardError)
        -> AllowedSigners
    {
        do {
            if let path = request.allowedSigners {
                return try AllowedSigners(contentsOf: path)
            }
            let path = VerifyRequest.allowedSignersPath
            guard let bytes = try repository.blob(at: base.hex, path: path) else {
                throw StewardError.invalidInput(
                    "\(path) does not exist at the base \(base.short): add the bot's public key there "
                        + "(git's allowed-signers format), or pass --allowed-signers FILE")
            }
            return try AllowedSigners(
                parsing: String(decoding: bytes, as: UTF8.self), path: "\(path)@\(base.short)")
        } catch {
            throw StewardError(error)
        }
    }

    /// `spec.limits.maxChangesPerPullRequest` of the policy at the base, when it loads.
    private func limit(in repository: Repository, base: ObjectID) -> Int? {
        guard let bytes = try? repository.blob(at: base.hex, path: request.policy),
            let policy = try? Policy(bytes: bytes, path: request.policy)
        else { return nil }
        return policy.limits.maxChangesPerPullRequest
    }
}
