import Analysis
import ArgoCD
import Foundation
import Policy

extension Planner {
    /// The rollback in Argo CD each revert could go with: for a revert whose commit an Argo CD
    /// Application's history dated, the entry before the sync that started the blamed rollout,
    /// with the policy's decision (`Policy.evaluateRollback`) or why Steward does not try.
    /// Reverts of commits no Application dated get none. An Application is rolled back once per
    /// plan, to the oldest target its findings ask for; its other proposals say so.
    static func rollbacks(
        _ findings: [PlannedFinding], deployments: DeploymentTimelines?, policy state: PolicyState,
        subjects: [String: PolicySubject], history: CommitHistory
    ) -> [RollbackProposal] {
        guard let deployments else { return [] }
        var proposals = proposed(
            findings, deployments: deployments, policy: state, subjects: subjects, history: history)
        var chosen: [String: Int] = [:]
        for index in proposals.indices where proposals[index].decision.permitsEdit {
            let key = "\(proposals[index].namespace ?? "")/\(proposals[index].application)"
            guard let other = chosen[key] else {
                chosen[key] = index
                continue
            }
            let older =
                (proposals[index].target?.deployedAt ?? 0) < (proposals[other].target?.deployedAt ?? 0)
            let (kept, dropped) = older ? (index, other) : (other, index)
            chosen[key] = kept
            proposals[dropped].decision = .rejected(
                "Application \(proposals[kept].application) is rolled back once per run, for finding "
                    + proposals[kept].finding)
        }
        return proposals
    }

    private static func proposed(
        _ findings: [PlannedFinding], deployments: DeploymentTimelines, policy state: PolicyState,
        subjects: [String: PolicySubject], history: CommitHistory
    ) -> [RollbackProposal] {
        findings.compactMap { planned -> RollbackProposal? in
            guard let revert = planned.revert, let deployment = revert.commit.deployment,
                let application = deployments.applications[deployment.application],
                let blamedIndex = application.history.firstIndex(where: { $0.id == deployment.historyID }),
                let running = application.history.last
            else { return nil }
            let targetIndex = blamedIndex > 0 ? blamedIndex - 1 : nil
            let entriesBack = targetIndex.map { application.history.count - 1 - $0 } ?? 0
            var proposal = RollbackProposal(
                finding: planned.finding.id, workload: planned.finding.workload,
                application: application.name,
                namespace: application.namespace, project: application.project, commit: revert.commit.id,
                blamed: Self.entry(application.history[blamedIndex], revision: deployment.revision),
                running: Self.entry(running, revision: running.revisions.first ?? ""),
                target: targetIndex.map { Self.entry(application.history[$0], revision: nil) },
                entriesBack: entriesBack, decision: .rejected("not decided"))
            let stillRunning = !history.deployments(of: [revert.commit.id], in: [running]).isEmpty
            guard revert.decision.permitsEdit else {
                // Without its revert, a rollback would leave the Application OutOfSync for good.
                proposal.decision = .rejected(
                    "the revert of \(revert.commit.short) is not allowed (\(revert.decision.reason ?? "refused")), and a "
                        + "rollback goes only with the revert that makes Git say what runs")
                return proposal
            }
            proposal.decision =
                Self.refusal(
                    application, proposal: proposal, runsCommit: stillRunning, short: revert.commit.short)
                ?? state.policy.map { policy in
                    policy.evaluateRollback(
                        of: subjects[planned.finding.id] ?? PolicySubject(workload: planned.finding.workload),
                        entriesBack: entriesBack)
                } ?? state.refusal
            return proposal
        }
    }

    /// Why Steward does not try a rollback whatever the policy says, or nil.
    private static func refusal(
        _ application: ArgoApplication, proposal: RollbackProposal, runsCommit: Bool, short: String
    ) -> PolicyDecision? {
        let name = application.name
        if application.automatedSync {
            return .rejected(
                "Application \(name) syncs automatically (spec.syncPolicy.automated), and Argo CD refuses a "
                    + "rollback then (\"rollback cannot be initiated when auto-sync is enabled\"): the revert pull "
                    + "request is the remedy")
        }
        if !runsCommit {
            return .rejected(
                "Application \(name) runs \(proposal.running.description), which does not contain \(short): "
                    + "already rolled back or moved on")
        }
        if let operation = application.operation, operation.phase?.isFinished != true {
            return .rejected(
                "an operation is running on Application \(name) (\(operation.phase?.rawValue ?? "unknown phase")): "
                    + "no rollback while it lasts")
        }
        guard proposal.target != nil else {
            return .rejected(
                "Application \(name) has no history entry before \(proposal.blamed.description), which first "
                    + "deployed \(short): nothing to roll back to")
        }
        return nil
    }

    private static func entry(_ entry: ArgoHistoryEntry, revision: String?) -> RollbackProposal.Entry {
        RollbackProposal.Entry(
            id: entry.id, revision: revision ?? entry.revisions.first ?? "",
            deployedAt: entry.deployedAt.timeIntervalSince1970)
    }
}
