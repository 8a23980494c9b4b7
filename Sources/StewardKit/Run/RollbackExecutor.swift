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
        // A dry run is an operation of its own: the rollback may start only once it has ended.
        let deadline = ContinuousClock.now + .milliseconds(settings.operationTimeout.milliseconds)
        let dry = await wait(for: application, until: deadline)
        guard let dryState = dry.application?.operation, dry.application?.operationEnded == true else {
            return failed(
                outcome, unfinished("the dry run of the rollback of \(name)", dry, application.name))
        }
        guard dryState.phase == .succeeded else {
            return failed(
                outcome,
                "the dry run of the rollback of \(name) ended \(dryState.phase?.rawValue ?? "unknown"): "
                    + dryState.message)
        }
        outcome.requestedAt = RollbackOutcome.time(Date())
        do {
            _ = try await client.rollback(application, to: target.id, dryRun: false)
        } catch {
            return failed(outcome, "\(error)")
        }
        let real = await wait(for: application, until: deadline, settling: true)
        let last = real.application
        outcome.phase = last?.operation?.phase?.rawValue
        outcome.operationMessage = last?.operation?.message
        outcome.health = last?.health
        outcome.finishedAt = last?.operation?.finishedAt.map(RollbackOutcome.time)
        guard let operation = last?.operation, let phase = operation.phase, last?.operationEnded == true
        else {
            return failed(outcome, unfinished("the rollback of \(name)", real, application.name))
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

    /// What reading the Application until its requested operation ended came to.
    private struct Wait {
        var application: ArgoApplication?
        var error: ArgoCDError?
        var cancelled = false
    }

    /// Reads the Application every poll interval until the operation it was asked for has ended
    /// (and, with `settling`, its health is no longer `Progressing`: a sync that succeeded still
    /// has pods rolling out), the deadline passes, or the run is cancelled.
    private func wait(
        for application: ArgoApplication, until deadline: ContinuousClock.Instant, settling: Bool = false
    )
        async -> Wait
    {
        var result = Wait()
        while ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(settings.pollInterval.milliseconds))
            } catch {
                result.cancelled = true
                return result
            }
            do {
                let read = try await client.application(
                    application.name, namespace: application.namespace, project: application.project)
                result.application = read
                result.error = nil
                guard read.operationEnded else { continue }
                if settling, read.operation?.phase == .succeeded, read.health == "Progressing" { continue }
                return result
            } catch {
                result.error = error
            }
        }
        return result
    }

    /// Why an operation is given up on: the time ran out or the run was cancelled.
    private func unfinished(_ what: String, _ wait: Wait, _ application: String) -> String {
        let phase = wait.application?.operation?.phase?.rawValue ?? "unknown"
        let seen = wait.error.map { "; the last read failed: \($0)" } ?? ""
        let why = wait.cancelled ? "was cancelled" : "did not finish within \(settings.operationTimeout)"
        return "\(what) \(why) (phase \(phase)\(seen)); Steward makes no further call: see "
            + "`argocd app get \(application)`"
    }

    private func failed(_ outcome: RollbackOutcome, _ detail: String) -> RollbackOutcome {
        var outcome = outcome
        outcome.status = .failed
        outcome.detail = detail
        return outcome
    }
}
