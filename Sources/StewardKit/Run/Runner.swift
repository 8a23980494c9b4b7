import ArgoCD
import ClientSupport
import Forge
import Foundation
import GitStore
import Logging
import Policy
import Profiles
import PrometheusAPI
import StewardPlanner
import StewardPublisher
import StewardReports

/// `steward run`: fetch, observe, plan, publish, report.
///
/// One run fetches the base branch, the bot branches and the evidence notes, plans the base
/// commit with the usage profiles and the repository's policy, builds one bot branch per group
/// (``Publisher``), and pushes and opens pull requests as the policy's schedule and limits allow.
package struct Runner: Sendable {
    package var request: RunRequest
    private let logger: Logger

    package init(_ request: RunRequest, logger: Logger = Logger(label: "steward.run")) {
        self.request = request
        self.logger = logger
    }

    /// Runs to the end.
    /// - Throws: ``StewardError`` when the run cannot start or plan (configuration, credentials,
    ///   the remote, the profiles, a manifest that does not parse); what happens to each branch
    ///   is in the report, whose ``RunReport/exitStatus`` says whether to fail.
    package func run() async throws(StewardError) -> RunReport {
        await publish(try await prepare())
    }

    /// Fetches, plans, builds and checks every branch, and decides; writes nothing remote.
    package func prepare() async throws(StewardError) -> PreparedRun {
        try await prepare(amending: { _ in })
    }

    /// ``prepare()`` with a last word on the plan before anything is built (tests add reverts).
    package func prepare(amending amend: (inout Plan) -> Void) async throws(StewardError) -> PreparedRun {
        let configuration = request.configuration
        guard let repository = configuration.repository, let observation = configuration.observe,
            let signing = configuration.signing
        else {
            throw .invalidInput("steward run needs repository, observe and signing in its configuration")
        }
        let run = Self.runID(at: request.now)
        let identity = try BotIdentity(signing)
        let workspace = try Workspace.open(repository, branchPrefix: configuration.publish.branchPrefix)
        let snapshot: RemoteSnapshot
        do {
            // A fetch blocks on the network and libgit2's lock: not on a thread of the pool.
            snapshot = try await offCooperativePool(lending: workspace) { try $0.fetch() }
        } catch {
            throw StewardError(error)
        }
        logger.info(
            "fetched", metadata: ["base": "\(snapshot.base.hex)", "branches": "\(snapshot.branches.count)"])
        let profiles = try await observe(observation, cluster: configuration.cluster)
        // The base commit's tree, read from the object database: no checkout; the regression
        // detector blames commits of the fetched base's history.
        let history = CommitHistory(repository: workspace.repository.path, revision: snapshot.base.hex)
        var inputs = try InputLoader.load(
            try GitTreeSource(repository: workspace.repository, revision: snapshot.base.hex),
            repository: Redactor.url(repository.url), profiles: profiles,
            cluster: configuration.cluster, policy: configuration.policy, options: configuration.inventory,
            history: history, grouping: configuration.publish.groupBy, now: request.now)
        let argoCD = try configuration.argoCD.map { settings throws(StewardError) in
            (settings: settings, client: try Self.client(settings, logger: logger))
        }
        if let argoCD {
            inputs.deployments = await DeploymentTimelines.read(
                inputs.inventory, cluster: inputs.cluster, client: argoCD.client)
        }
        var plan: Plan
        do {
            plan = try Planner().plan(inputs)
        } catch {
            await argoCD?.client.shutdown()
            throw error
        }
        amend(&plan)
        do {
            let prepared = try await build(
                plan, deployments: inputs.deployments, argoCD: argoCD, workspace: workspace,
                snapshot: snapshot,
                identity: identity, profiles: profiles, observation: observation, run: run, history: history)
            await argoCD?.client.shutdown()
            return prepared
        } catch {
            await argoCD?.client.shutdown()
            throw error
        }
    }

    /// The branches of `plan` and their decisions, with the rollbacks in Argo CD made for the
    /// reverts that will be published, and the revert branches rebuilt to carry their outcome.
    private func build(
        _ plan: Plan, deployments: DeploymentTimelines?,
        argoCD: (settings: ArgoCDSettings, client: ArgoCDClient)?,
        workspace: Workspace, snapshot: RemoteSnapshot, identity: BotIdentity, profiles: UsageProfiles,
        observation: ObservationSettings, run: String, history: CommitHistory
    ) async throws(StewardError) -> PreparedRun {
        let configuration = request.configuration
        var plan = plan
        let reverts = plan.reverts.filter(\.decision.permitsEdit).count
        var report = RunReport(
            run: run, repository: plan.repository, baseBranch: configuration.repository?.baseBranch ?? "main",
            baseCommit: snapshot.base.short, cluster: plan.cluster, window: plan.window,
            findings: plan.findings.filter { !$0.writtenChanges.isEmpty }.count + reverts,
            changes: plan.permittedChanges.count + reverts,
            rejected: plan.changes.count - plan.permittedChanges.count + plan.reverts.count - reverts,
            mode: request.dryRun ? .dryRun : .published,
            outcomes: [], unreadable: plan.unreadable, argoCDUnavailable: deployments?.notes ?? [])
        if let reason = Self.reasonNotToPublish(plan) {
            report.mode = .planned(reason: reason)
            report.failure = plan.policyFailure?.message
            report.planText = PlanRenderer.render(plan, as: .text)
            return PreparedRun(report: report, publisher: nil, decisions: [], forge: nil, history: history)
        }
        let policyBlob = try Self.policyBlob(plan, at: snapshot.base, in: workspace.repository)
        let templates = PullRequestTemplates(
            rightsize: try Self.template(
                configuration.publish.template, at: snapshot.base, in: workspace.repository, bundled: .bundled
            ),
            revert: try Self.template(
                configuration.publish.revertTemplate, at: snapshot.base, in: workspace.repository,
                bundled: .bundledRevert))
        let forge: any ForgeClient
        do {
            forge = try configuration.forge.makeClient(logger: logger)
        } catch {
            throw .forge(error, context: nil)
        }
        func publisher(_ plan: Plan) -> Publisher {
            Publisher(
                workspace: workspace, snapshot: snapshot, identity: identity, plan: plan, profiles: profiles,
                source: Self.describe(observation, profiles.source), policyBlob: policyBlob,
                templates: templates, settings: configuration.publish, run: run, date: request.now,
                logger: logger)
        }
        do {
            var prepared = publisher(plan)
            var decisions = try await prepared.prepare(forge)
            if let argoCD, !plan.rollbacks.isEmpty {
                // A rollback goes only with a revert that this run publishes: the cluster must not
                // stay OutOfSync with no pull request to end it.
                let proposals = Self.withPublishedReverts(plan.rollbacks, decisions: decisions)
                let outcomes = Self.covering(
                    await RollbackExecutor(
                        client: argoCD.client, settings: argoCD.settings, dryRun: request.dryRun,
                        logger: logger
                    ).execute(proposals, applications: deployments?.applications ?? [:]),
                    proposals: proposals)
                report.rollbacks = outcomes
                for index in plan.reverts.indices {
                    plan.reverts[index].rollback = outcomes.first {
                        $0.finding == plan.reverts[index].finding
                    }
                }
                prepared = publisher(plan)
                decisions = try await prepared.prepare(forge)
            }
            return PreparedRun(
                report: report, publisher: prepared, decisions: decisions, forge: forge,
                history: history)
        } catch {
            try? await forge.shutdown()
            throw error
        }
    }

    /// The proposals, those whose revert this run does not publish refused with why.
    private static func withPublishedReverts(_ proposals: [RollbackProposal], decisions: [BranchDecision])
        -> [RollbackProposal]
    {
        var published: Set<String> = []
        var held: [String: String] = [:]
        for decision in decisions {
            switch decision {
            case .push(let built, _, _), .unchanged(let built, _, _):
                if let finding = built.revertFinding { published.insert(finding) }
            case .waiting(let built, let limit, let open):
                if let finding = built.revertFinding {
                    held[finding] = "its revert waits: \(open) of at most \(limit) bot pull requests are open"
                }
            default:
                continue
            }
        }
        return proposals.map { proposal in
            guard proposal.decision.permitsEdit, !published.contains(proposal.finding) else {
                return proposal
            }
            var refused = proposal
            refused.decision = .rejected(
                (held[proposal.finding] ?? "its revert is not published in this run")
                    + "; a rollback goes only with the revert that makes Git say what runs")
            return refused
        }
    }

    /// The outcomes, each finding whose Application another finding's rollback covered given
    /// that rollback's outcome under its own finding id.
    private static func covering(_ outcomes: [RollbackOutcome], proposals: [RollbackProposal])
        -> [RollbackOutcome]
    {
        outcomes.map { outcome in
            guard let proposal = proposals.first(where: { $0.finding == outcome.finding }),
                let covering = proposal.coveredBy,
                let made = outcomes.first(where: { $0.finding == covering })
            else { return outcome }
            var covered = made
            covered.finding = outcome.finding
            covered.detail = "the rollback made for \(covering) covers this finding: \(made.detail)"
            return covered
        }
    }

    /// Carries out a prepared run (pushes nothing in a dry run) and reports.
    package func publish(_ prepared: PreparedRun) async -> RunReport {
        var report = prepared.report
        guard let publisher = prepared.publisher, let forge = prepared.forge else { return report }
        report.outcomes = await publisher.execute(prepared.decisions, forge: forge, dryRun: request.dryRun)
        for outcome in report.outcomes {
            logger.log(
                level: outcome.action == .failed ? .error : .info, "\(outcome.detail)",
                metadata: [
                    "branch": "\(outcome.branch)", "action": "\(outcome.action.rawValue)",
                    "pullRequest": "\(outcome.pullRequest.map(String.init) ?? "none")",
                ])
        }
        do {
            try await forge.shutdown()
        } catch {
            logger.warning("cannot shut the forge client down", metadata: ["error": "\(error)"])
        }
        return report
    }

    /// A client of the configured Argo CD.
    private static func client(_ settings: ArgoCDSettings, logger: Logger) throws(StewardError)
        -> ArgoCDClient
    {
        let configuration = try settings.clientConfiguration()
        do {
            return try ArgoCDClient(configuration: configuration, logger: logger)
        } catch {
            throw .argoCD(error)
        }
    }

    /// Why the plan must not be published, if it must not.
    static func reasonNotToPublish(_ plan: Plan) -> String? {
        switch plan.policy {
        case .missing(let path):
            return "\(path) does not exist, so every proposal is rejected (default deny)"
        case .invalid(let path, _):
            return "\(path) does not load, so every proposal is rejected"
        case .loaded(let policy):
            guard plan.scheduleOpen == false, let schedule = policy.schedule else { return nil }
            return "outside the policy's schedule (\(schedule)), so nothing is published"
        }
    }

    /// `2026-07-02T09:00:00Z-7f3a`: the time and four random hex digits.
    static func runID(at date: Date) -> String {
        let time = date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        return "\(time)-\(String(format: "%04x", UInt16.random(in: 0...UInt16.max)))"
    }

    /// The id of the policy file's blob in the base commit, for the `Steward-Policy` trailer.
    private static func policyBlob(_ plan: Plan, at base: ObjectID, in repository: Repository)
        throws(StewardError)
        -> String
    {
        do {
            guard let bytes = try repository.blob(at: base.hex, path: plan.policy.path) else {
                throw StewardError.invalidInput("\(plan.policy.path) is not in the base commit \(base.short)")
            }
            // Writing a blob that exists returns its id, which is what `git hash-object` computes.
            return try repository.writeBlob(bytes).hex
        } catch {
            throw StewardError(error, context: "cannot read \(plan.policy.path) at \(base.short)")
        }
    }

    /// The repository's own pull-request template at the base commit, or the bundled one.
    private static func template(
        _ path: String, at base: ObjectID, in repository: Repository, bundled: PullRequestTemplate
    ) throws(StewardError) -> PullRequestTemplate {
        let bytes: [UInt8]?
        do {
            bytes = try repository.blob(at: base.hex, path: path)
        } catch {
            throw StewardError(error, context: "cannot read \(path) at \(base.short)")
        }
        guard let bytes else { return bundled }
        return try PullRequestTemplate(String(decoding: bytes, as: UTF8.self), origin: path)
    }

    /// Where the usage came from, in words for the pull request.
    private static func describe(_ observe: ObservationSettings, _ source: ProfileSource?) -> String {
        if let prometheus = source?.prometheus {
            let collector = source?.collector.map { ", collected by \($0)" } ?? ""
            let step = source?.step.map { ", step \($0)" } ?? ""
            return "Prometheus at \(prometheus)\(step)\(collector)"
        }
        switch observe {
        case .profiles(let path): return "the profiles file `\((path as NSString).lastPathComponent)`"
        case .prometheus(let settings): return "Prometheus at \(settings.url)"
        }
    }
}
