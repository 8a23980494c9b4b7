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
            let outcome = await execute(proposal, application: applications[proposal.deploymentTarget])
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

    private func execute(_ proposal: RollbackProposal, application planned: ArgoApplication?) async
        -> RollbackOutcome
    {
        var outcome = RollbackOutcome(
            finding: proposal.finding, application: proposal.application, namespace: proposal.namespace,
            server: client.server, status: .notAttempted, from: proposal.running, to: proposal.target,
            detail: proposal.decision.reason ?? "refused")
        guard proposal.decision.permitsEdit, let target = proposal.target, let planned else {
            return outcome
        }
        if dryRun {
            outcome.status = .wouldRollBack
            outcome.detail = proposal.summary
            return outcome
        }
        let name = "Application \(proposal.application)"
        // The plan read the Application minutes ago: whatever happened since must not be rolled over.
        let application: ArgoApplication
        do {
            application = try await client.application(
                planned.name, namespace: planned.namespace, project: planned.project)
        } catch {
            return failed(outcome, "cannot read \(name) again before rolling it back: \(error)")
        }
        if let changed = Self.change(since: proposal, in: application) {
            outcome.detail = "\(name) \(changed) since the plan; no rollback in this run"
            return outcome
        }
        let deadline = ContinuousClock.now + .milliseconds(settings.operationTimeout.milliseconds)
        guard !Task.isCancelled else { return failed(outcome, "the run was cancelled before the rollback") }
        do {
            _ = try await client.rollback(application, to: target.id, dryRun: true)
        } catch {
            return failed(outcome, "Argo CD refused the dry run of the rollback: \(error)")
        }
        // A dry run is an operation of its own: the rollback may start only once it has ended.
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
        let pollInterval = Duration.milliseconds(settings.pollInterval.milliseconds)
        guard deadline - ContinuousClock.now >= pollInterval * 2 else {
            return failed(
                outcome,
                "the dry run of the rollback of \(name) left less than two polls of the \(settings.operationTimeout) "
                    + "argocd.operationTimeout; no rollback was sent")
        }
        guard !Task.isCancelled else { return failed(outcome, "the run was cancelled before the rollback") }
        outcome.requestedAt = RollbackOutcome.time(Date())
        var lost: ArgoCDError?
        do {
            _ = try await client.rollback(application, to: target.id, dryRun: false)
        } catch {
            guard Self.mayHaveActed(error) else { return failed(outcome, "\(error)") }
            // The answer was lost, not the call: Argo CD may have set the operation all the same.
            lost = error
        }
        let real = await wait(for: application, until: deadline, settling: true)
        let last = real.application
        if let lost, !Self.started(last, rollingBackTo: target, from: proposal.running) {
            return failed(
                outcome, "\(lost); Argo CD shows no rollback operation since, and the call is not sent again")
        }
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
            + (lost.map { " (the answer to the rollback call was lost: \($0))" } ?? "")
        return outcome
    }

    /// What changed on the Application since the plan read it, in words, or nil: another sync, an
    /// operation requested, automated sync turned on.
    private static func change(since proposal: RollbackProposal, in application: ArgoApplication) -> String? {
        if let last = application.history.last, last.id != proposal.running.id {
            return "deployed history \(last.id)"
        }
        if application.operationPending { return "has an operation pending" }
        if application.automatedSync { return "turned automated sync on" }
        return nil
    }

    /// Whether a failed call may still have reached Argo CD: the connection broke or a proxy
    /// answered 5xx, rather than Argo CD refusing it with a gRPC code.
    private static func mayHaveActed(_ error: ArgoCDError) -> Bool {
        switch error {
        case .unreachable: true
        case .unexpectedStatus(_, _, let status, _): status >= 500
        default: false
        }
    }

    /// Whether the Application shows a rollback that began after the plan: an operation pending,
    /// or a new history entry deploying the target's revision.
    private static func started(
        _ application: ArgoApplication?, rollingBackTo target: RollbackProposal.Entry,
        from running: RollbackProposal.Entry
    ) -> Bool {
        guard let application else { return false }
        if application.operationPending { return true }
        guard let last = application.history.last else { return false }
        return last.id != running.id && last.revisions.contains(target.revision)
    }

    /// What reading the Application until its requested operation ended came to.
    private struct Wait {
        var application: ArgoApplication?
        var error: ArgoCDError?
        var cancelled = false
    }

    /// Reads the Application every poll interval, at least once, until the operation it was
    /// asked for has ended (and, with `settling`, its health was computed after that and is no
    /// longer `Progressing`: Argo CD refreshes health after a sync, and pods still roll out), the
    /// deadline passes, or the run is cancelled.
    private func wait(
        for application: ArgoApplication, until deadline: ContinuousClock.Instant, settling: Bool = false
    )
        async -> Wait
    {
        var result = Wait()
        repeat {
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
                if settling, read.operation?.phase == .succeeded, !read.healthSettled { continue }
                return result
            } catch {
                result.error = error
            }
        } while ContinuousClock.now < deadline
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
