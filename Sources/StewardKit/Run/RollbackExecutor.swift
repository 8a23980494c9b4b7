import ArgoCD
import Foundation
import Logging
import StewardPlanner

/// Carries out a plan's rollbacks in Argo CD: for each the policy allows, a dry run, then the
/// rollback (`prune: false`), then the operation's state read until it ends or the timeout
/// passes, then the health. One rollback call at most per Application and run, whatever fails;
/// in a dry run nothing is called.
struct RollbackExecutor {
    let client: ArgoCDClient
    let settings: ArgoCDSettings
    let dryRun: Bool
    let logger: Logger

    /// The outcome of every proposal, in plan order.
    func execute(_ proposals: [RollbackProposal], applications: [String: ArgoApplication]) async
        -> [RollbackOutcome]
    {
        var outcomes: [RollbackOutcome] = []
        for proposal in proposals {
            let outcome = await execute(proposal, application: applications[proposal.application])
            logger.log(
                level: outcome.isFailure ? .error : .info, "\(outcome.detail)",
                metadata: [
                    "application": "\(proposal.application)", "finding": "\(proposal.finding)",
                    "rollback": "\(outcome.status.rawValue)",
                ])
            outcomes.append(outcome)
        }
        return outcomes
    }

    private func execute(_ proposal: RollbackProposal, application: ArgoApplication?) async -> RollbackOutcome
    {
        var outcome = RollbackOutcome(
            finding: proposal.finding, application: proposal.application, namespace: proposal.namespace,
            server: client.server, status: .notAttempted, from: proposal.running, to: proposal.target,
            detail: proposal.decision.reason ?? "refused")
        guard proposal.decision.permitsEdit, let target = proposal.target, let application else {
            return outcome
        }
        if dryRun {
            outcome.status = .wouldRollBack
            outcome.detail = proposal.summary
            return outcome
        }
        let name = "Application \(proposal.application)"
        do {
            _ = try await client.rollback(application, to: target.id, dryRun: true)
        } catch {
            return failed(outcome, "Argo CD refused the dry run of the rollback: \(error)")
        }
        outcome.requestedAt = RollbackOutcome.time(Date())
        do {
            _ = try await client.rollback(application, to: target.id, dryRun: false)
        } catch {
            return failed(outcome, "\(error)")
        }
        let deadline = ContinuousClock.now + .milliseconds(settings.operationTimeout.milliseconds)
        var last: ArgoApplication?
        var lastError: ArgoCDError?
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(settings.pollInterval.milliseconds))
            do {
                let read = try await client.application(application.name, namespace: application.namespace)
                last = read
                lastError = nil
                guard let operation = read.operation, operation.phase?.isFinished == true else { continue }
                // A rollback that synced still has resources rolling out: health settles later.
                if operation.phase == .succeeded, read.health == "Progressing" { continue }
                break
            } catch {
                lastError = error
            }
        }
        outcome.phase = last?.operation?.phase?.rawValue
        outcome.operationMessage = last?.operation?.message
        outcome.health = last?.health
        outcome.finishedAt = last?.operation?.finishedAt.map(RollbackOutcome.time)
        guard let operation = last?.operation, let phase = operation.phase, phase.isFinished else {
            let seen = lastError.map { "; the last read failed: \($0)" } ?? ""
            return failed(
                outcome,
                "the rollback of \(name) did not finish within \(settings.operationTimeout) (phase "
                    + "\(outcome.phase ?? "unknown")\(seen)); Steward makes no further call: see "
                    + "`argocd app get \(application.name)`")
        }
        guard phase == .succeeded else {
            return failed(
                outcome, "the rollback operation of \(name) ended \(phase.rawValue): \(operation.message)")
        }
        let health = last?.health ?? "Unknown"
        outcome.status = health == "Healthy" ? .rolledBack : .rolledBackUnhealthy
        outcome.detail =
            "rolled \(name) back from \(proposal.running.description) to \(target.description): operation "
            + "Succeeded, health \(health)"
        return outcome
    }

    private func failed(_ outcome: RollbackOutcome, _ detail: String) -> RollbackOutcome {
        var outcome = outcome
        outcome.status = .failed
        outcome.detail = detail
        return outcome
    }
}
