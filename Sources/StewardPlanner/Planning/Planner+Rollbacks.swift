import Analysis
import ArgoCD
import Foundation
import Kubernetes
import Policy

extension Planner {
    /// The rollback in Argo CD each revert could go with: for a revert whose commit an Argo CD
    /// Application's history dated, the entry before the sync that started the blamed rollout,
    /// with the policy's decision (`Policy.evaluateRollback`) or why Steward does not try.
    /// Reverts of commits no Application dated get none. An Application is rolled back once per
    /// plan, to the oldest target its findings ask for; its other proposals say so.
    static func rollbacks(
        _ findings: [PlannedFinding], deployments: DeploymentTimelines?, policy state: PolicyState,
        inventory: Inventory, cluster: String, history: CommitHistory
    ) -> [RollbackProposal] {
        guard let deployments else { return [] }
        var proposals = proposed(
            findings, deployments: deployments, policy: state, inventory: inventory, cluster: cluster,
            history: history)
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
            proposals[dropped].coveredBy = proposals[kept].finding
        }
        return proposals
    }

    private static func proposed(
        _ findings: [PlannedFinding], deployments: DeploymentTimelines, policy state: PolicyState,
        inventory: Inventory, cluster: String, history: CommitHistory
    ) -> [RollbackProposal] {
        findings.compactMap { planned -> RollbackProposal? in
            guard let revert = planned.revert, let deployment = revert.commit.deployment,
                let application = deployments.applications[deployment.target],
                let blamedIndex = application.history.firstIndex(where: { $0.id == deployment.historyID }),
                let running = application.history.last
            else { return nil }
            let targetIndex = blamedIndex > 0 ? blamedIndex - 1 : nil
            let entriesBack = targetIndex.map { application.history.count - 1 - $0 } ?? 0
            var proposal = RollbackProposal(
                finding: planned.finding.id, workload: planned.finding.workload,
                application: application.name, deploymentTarget: deployment.target,
                namespace: application.namespace, project: application.project, commit: revert.commit.id,
                blamed: Self.entry(application.history[blamedIndex], revision: deployment.revision),
                running: Self.entry(running, revision: running.revisions.first ?? ""),
                target: targetIndex.map { Self.entry(application.history[$0], revision: nil) },
                entriesBack: entriesBack, decision: .rejected("not decided"))
            let stillRunning = history.contains(revert.commit.id, in: running)
            guard revert.decision.permitsEdit else {
                // Without its revert, a rollback would leave the Application OutOfSync for good.
                proposal.decision = .rejected(
                    "the revert of \(revert.commit.short) is not allowed (\(revert.decision.reason ?? "refused")), and a "
                        + "rollback goes only with the revert that makes Git say what runs")
                return proposal
            }
            let workloads = inventory.targets.first { $0.name == deployment.target }?.workloads ?? []
            proposal.decision =
                Self.refusal(
                    application, proposal: proposal, blamedIndex: blamedIndex, runsCommit: stillRunning,
                    short: revert.commit.short)
                ?? state.policy.map { policy in
                    Self.decide(
                        policy, workloads: workloads, cluster: cluster, entriesBack: entriesBack,
                        proposal: proposal)
                } ?? state.refusal
            return proposal
        }
    }

    /// The policy's decision on rolling back every workload the Application deploys, since a
    /// rollback reverts all of them: allowed only when each rule allows it, else the first refusal.
    private static func decide(
        _ policy: Policy, workloads: [Workload], cluster: String, entriesBack: Int, proposal: RollbackProposal
    ) -> PolicyDecision {
        var allowed: PolicyDecision?
        for workload in workloads {
            let subject = PolicySubject(workload, cluster: cluster)
            let decision = policy.evaluateRollback(of: subject, entriesBack: entriesBack)
            guard decision.permitsEdit else {
                guard subject.workload != proposal.workload else { return decision }
                return .rejected(
                    "\(subject.workload), which Application \(proposal.application) deploys too: "
                        + "\(decision.reason ?? "refused"); a rollback reverts the whole Application",
                    rule: decision.rule)
            }
            if subject.workload == proposal.workload || allowed == nil { allowed = decision }
        }
        return allowed ?? .rejected("Application \(proposal.application) deploys no workload Steward knows")
    }

    /// Why Steward does not try a rollback whatever the policy says, or nil.
    private static func refusal(
        _ application: ArgoApplication, proposal: RollbackProposal, blamedIndex: Int, runsCommit: Bool,
        short: String
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
        // Re-syncs of the blamed revision may follow it; another revision means someone deployed
        // a change since, which a rollback would undo too.
        let blamed = application.history[blamedIndex]
        if let later = application.history[(blamedIndex + 1)...].first(where: {
            $0.revisions != blamed.revisions
        }) {
            let entry = Self.entry(later, revision: nil)
            return .rejected(
                "Application \(name) deployed \(entry.description) after \(proposal.blamed.description), which "
                    + "brought \(short): a rollback would undo that too, so the revert pull request is the remedy"
            )
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
