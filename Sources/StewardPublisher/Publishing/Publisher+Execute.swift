import ClientSupport
import Forge
import Foundation
import GitStore
import Profiles

extension Publisher {
    /// Carries out `decisions`: closes what is gone, pushes the notes and then each branch with
    /// its lease, opens or updates pull requests, and comments once on branches a person took
    /// over. With `dryRun`, reports what it would do and writes nothing.
    package func execute(_ decisions: [BranchDecision], forge: any ForgeClient, dryRun: Bool) async
        -> [BranchOutcome]
    {
        if dryRun { return decisions.map { report($0, performed: false) } }
        var outcomes: [String: BranchOutcome] = [:]
        for decision in decisions {
            switch decision {
            case .close(let branch, let remote, let pullRequest):
                outcomes[branch] = await close(branch, remote: remote, pullRequest: pullRequest, forge: forge)
            case .blocked(let branch, _, let human, let pullRequest, _):
                outcomes[branch] =
                    await flag(decision, human: human, pullRequest: pullRequest, forge: forge)
                    ?? report(decision, performed: true)
            case .push:
                continue
            default:
                outcomes[decision.branch] = report(decision, performed: true)
            }
        }
        let pushes = decisions.filter { if case .push = $0 { true } else { false } }
        if !pushes.isEmpty {
            if let failure = await pushNotes() {
                for decision in pushes {
                    outcomes[decision.branch] = BranchOutcome(
                        branch: decision.branch, action: .failed, performed: false,
                        changes: changeCount(decision), detail: failure)
                }
            } else {
                for case .push(let built, let lease, let pullRequest) in pushes {
                    outcomes[built.group.branch] = await push(
                        built, lease: lease, pullRequest: pullRequest, forge: forge)
                }
            }
        }
        return decisions.compactMap { outcomes[$0.branch] }
    }

    /// The evidence notes go first: a branch pushed without them would fail `steward verify`.
    private func pushNotes() async -> String? {
        let (url, lease, credentials) = (workspace.settings.url, snapshot.notes, workspace.credentials)
        do {
            try await offCooperativePool(lending: workspace.repository) { repository in
                try repository.push(
                    remote: url, localReference: Repository.stewardNotesReference,
                    remoteReference: Repository.stewardNotesReference, expecting: lease,
                    credentials: credentials)
            }
            return nil
        } catch let error as GitError where error.code == .leaseMismatch {
            return
                "someone pushed to \(Repository.stewardNotesReference) after Steward fetched it, so nothing was "
                + "pushed (\(error.message)); the next run starts from what is there"
        } catch {
            return "cannot push the evidence notes, so nothing was pushed: \(error)"
        }
    }

    private func push(
        _ built: BuiltBranch, lease: ObjectID?, pullRequest: PullRequest?, forge: any ForgeClient
    ) async -> BranchOutcome {
        let branch = built.group.branch
        let commits = built.commits.map(\.id.short)
        let changes = built.group.size
        do {
            try workspace.setReference(
                "refs/heads/\(branch)", to: built.tip, message: "steward: build \(branch)")
            let (url, credentials) = (workspace.settings.url, workspace.credentials)
            try await offCooperativePool(lending: workspace.repository) { repository in
                try repository.push(remote: url, branch: branch, expecting: lease, credentials: credentials)
            }
        } catch let error as GitError where error.code == .leaseMismatch {
            logger.warning("lease moved", metadata: ["branch": "\(branch)"])
            return BranchOutcome(
                branch: branch, action: .failed, performed: false, pullRequest: pullRequest?.number,
                pullRequestURL: pullRequest?.webURL, changes: changes,
                detail: PublisherMessages.leaseMoved(error, branch: branch))
        } catch {
            return BranchOutcome(
                branch: branch, action: .failed, performed: false, pullRequest: pullRequest?.number,
                pullRequestURL: pullRequest?.webURL, changes: changes,
                detail: "cannot push \(branch): \(error)")
        }
        logger.info("pushed", metadata: ["branch": "\(branch)", "tip": "\(built.tip.hex)"])
        let title = composer.title(built)
        let body = composer.body(built, templates: templates)
        let pushed = "pushed \(Text.count(commits.count, "commit"))"
        do {
            if let pullRequest {
                let labels =
                    pullRequest.labels.filter { $0 != PublisherMessages.humanCommitLabel }
                    + settings.labels.filter { !pullRequest.labels.contains($0) }
                let updated = try await forge.updatePullRequest(
                    pullRequest.number, title: title, body: body, labels: labels)
                return BranchOutcome(
                    branch: branch, action: .updated, performed: true, pullRequest: updated.number,
                    pullRequestURL: updated.webURL, commits: commits, changes: changes,
                    detail: "\(pushed) and updated the pull request")
            }
            let opened = try await forge.createPullRequest(
                PullRequestDraft(
                    title: title, body: body, head: branch, base: baseBranch, labels: settings.labels))
            return BranchOutcome(
                branch: branch, action: .opened, performed: true, pullRequest: opened.number,
                pullRequestURL: opened.webURL, commits: commits, changes: changes,
                detail: "\(pushed) and opened the pull request")
        } catch {
            return BranchOutcome(
                branch: branch, action: .failed, performed: false, pullRequest: pullRequest?.number,
                pullRequestURL: pullRequest?.webURL, commits: commits, changes: changes,
                detail: "pushed \(branch), but the pull request failed: \(error)")
        }
    }

    private func close(
        _ branch: String, remote: RemoteBranch?, pullRequest: PullRequest?, forge: any ForgeClient
    ) async -> BranchOutcome {
        do {
            if let pullRequest {
                try await forge.closePullRequest(
                    pullRequest.number,
                    comment: PublisherMessages.findingGone(
                        branch: branch, base: baseBranch, baseCommit: snapshot.base))
            }
        } catch {
            return BranchOutcome(
                branch: branch, action: .failed, performed: false, pullRequest: pullRequest?.number,
                pullRequestURL: pullRequest?.webURL, detail: "cannot close the pull request: \(error)")
        }
        var detail = pullRequest == nil ? "no finding left" : "no finding left: closed the pull request"
        if let remote, remote.isSteward {
            do {
                let (url, tip, credentials) = (workspace.settings.url, remote.tip, workspace.credentials)
                try await offCooperativePool(lending: workspace.repository) { repository in
                    try repository.deleteRemoteReference(
                        remote: url, remoteReference: "refs/heads/\(branch)", expecting: tip,
                        credentials: credentials)
                }
                detail += " and deleted the branch"
            } catch let error as GitError where error.code == .leaseMismatch {
                return BranchOutcome(
                    branch: branch, action: .failed, performed: false, pullRequest: pullRequest?.number,
                    pullRequestURL: pullRequest?.webURL,
                    detail: PublisherMessages.leaseMoved(error, branch: branch))
            } catch {
                return BranchOutcome(
                    branch: branch, action: .failed, performed: false, pullRequest: pullRequest?.number,
                    pullRequestURL: pullRequest?.webURL, detail: "cannot delete \(branch): \(error)")
            }
        }
        return BranchOutcome(
            branch: branch, action: .closed, performed: true, pullRequest: pullRequest?.number,
            pullRequestURL: pullRequest?.webURL, detail: detail)
    }

    /// Comments on the pull request of a branch someone else committed to, once: the label
    /// remembers that the comment is there.
    private func flag(
        _ decision: BranchDecision, human: CommitInfo, pullRequest: PullRequest?, forge: any ForgeClient
    ) async -> BranchOutcome? {
        guard let pullRequest, !pullRequest.labels.contains(PublisherMessages.humanCommitLabel) else {
            return nil
        }
        do {
            try await forge.comment(
                on: pullRequest.number, body: PublisherMessages.humanCommit(human, branch: decision.branch))
            _ = try await forge.updatePullRequest(
                pullRequest.number, title: nil, body: nil,
                labels: pullRequest.labels + [PublisherMessages.humanCommitLabel])
        } catch {
            return BranchOutcome(
                branch: decision.branch, action: .failed, performed: false, pullRequest: pullRequest.number,
                pullRequestURL: pullRequest.webURL, changes: changeCount(decision),
                detail:
                    "commit \(human.id.short) is not Steward's, and the comment saying so failed: \(error)")
        }
        var outcome = report(decision, performed: true)
        outcome.detail += "; commented on the pull request"
        return outcome
    }

    /// The outcome of a decision that needs no further work (or, in a dry run, what would happen).
    package func report(_ decision: BranchDecision, performed: Bool) -> BranchOutcome {
        let would = performed ? "" : "would "
        switch decision {
        case .push(let built, _, let pullRequest):
            let commits = built.commits.count
            return BranchOutcome(
                branch: built.group.branch, action: pullRequest == nil ? .opened : .updated, performed: false,
                pullRequest: pullRequest?.number, pullRequestURL: pullRequest?.webURL,
                commits: built.commits.map(\.id.short), changes: built.group.size,
                detail: "\(would)push \(Text.count(commits, "commit")) and "
                    + (pullRequest == nil ? "open the pull request" : "update the pull request"))
        case .unchanged(let built, let remote, let pullRequest):
            guard let pullRequest else {
                return BranchOutcome(
                    branch: built.group.branch, action: .declined, performed: performed,
                    changes: built.group.size,
                    detail: PublisherMessages.declined(branch: built.group.branch))
            }
            return BranchOutcome(
                branch: built.group.branch, action: .unchanged, performed: performed,
                pullRequest: pullRequest.number,
                pullRequestURL: pullRequest.webURL, changes: built.group.size,
                detail: "the branch at \(remote.tip.short) already holds these changes: nothing pushed")
        case .waiting(let built, let limit, let open):
            return BranchOutcome(
                branch: built.group.branch, action: .waiting, performed: false,
                changes: built.group.size,
                detail: "waits: \(open) of at most \(limit) bot pull requests are open "
                    + "(spec.limits.maxOpenPullRequests); nothing pushed")
        case .blocked(let branch, _, let human, let pullRequest, let changes):
            return BranchOutcome(
                branch: branch, action: .blocked, performed: performed, pullRequest: pullRequest?.number,
                pullRequestURL: pullRequest?.webURL, changes: changes,
                detail:
                    "commit \(human.id.short) (\(human.summary)) by \(human.author.name) is not Steward's: "
                    + "nothing pushed")
        case .close(let branch, let remote, let pullRequest):
            var detail = "\(would)close the pull request"
            if pullRequest == nil { detail = "\(would)delete the branch" }
            if pullRequest != nil, remote?.isSteward == true { detail += " and delete the branch" }
            return BranchOutcome(
                branch: branch, action: .closed, performed: performed, pullRequest: pullRequest?.number,
                pullRequestURL: pullRequest?.webURL, detail: "no finding left: \(detail)")
        case .failed(let branch, let changes, let message):
            return BranchOutcome(
                branch: branch, action: .failed, performed: false, changes: changes, detail: message)
        }
    }

    private func changeCount(_ decision: BranchDecision) -> Int {
        switch decision {
        case .push(let built, _, _), .unchanged(let built, _, _), .waiting(let built, _, _):
            built.group.size
        case .blocked(_, _, _, _, let changes), .failed(_, let changes, _):
            changes
        case .close:
            0
        }
    }
}
