import Forge
import Foundation
import GitStore
import Logging
import Policy
import Profiles
import StewardPlanner
import StewardVerify

/// Publishes a plan: one bot branch per group, rebuilt from the current base with one signed
/// commit per finding, pushed with a lease on what Steward fetched, and one pull request per
/// branch. It never pushes over a commit that is not its own, pushes nothing when the branch
/// already holds what it would build, and closes the pull requests whose findings are gone.
///
/// Publishing runs in two steps so a dry run (and a test) can stop between them: ``prepare(_:)``
/// builds and checks every branch locally and decides what to do; ``execute(_:forge:)`` pushes
/// and talks to the forge.
package struct Publisher {
    let workspace: Workspace
    let snapshot: RemoteSnapshot
    let identity: BotIdentity
    let plan: Plan
    let groups: [ChangeGroup]
    let builder: BranchBuilder
    let composer: PullRequestComposer
    let templates: PullRequestTemplates
    let settings: PublishSettings
    let logger: Logger

    /// A publisher of `plan` onto the branches fetched in `snapshot`.
    /// - Parameters:
    ///   - profiles: the usage the plan was made from, for the evidence notes and charts.
    ///   - source: where the profiles came from, in words for the pull requests.
    ///   - policyBlob: the policy file's blob id at the base, for the `Steward-Policy` trailer.
    ///   - run: the run id the commits carry; `date` their author and committer date.
    package init(
        workspace: Workspace, snapshot: RemoteSnapshot, identity: BotIdentity, plan: Plan,
        profiles: UsageProfiles, source: String, policyBlob: String, templates: PullRequestTemplates,
        settings: PublishSettings, run: String, date: Date, logger: Logger
    ) {
        self.workspace = workspace
        self.snapshot = snapshot
        self.identity = identity
        self.plan = plan
        self.groups = settings.groupBy.groups(of: plan, branchPrefix: settings.branchPrefix)
        self.builder = BranchBuilder(
            repository: workspace.repository, identity: identity, plan: plan, base: snapshot.base,
            policyBlob: policyBlob, profiles: profiles, run: run, date: date)
        self.composer = PullRequestComposer(
            plan: plan, profiles: profiles, source: source, policyBlob: policyBlob,
            base: workspace.settings.baseBranch, grouping: settings.groupBy, run: run)
        self.templates = templates
        self.settings = settings
        self.logger = logger
    }

    var baseBranch: String { workspace.settings.baseBranch }

    /// Builds, checks and decides.
    /// - Throws: ``StewardError`` when the forge cannot list the open pull requests or the
    ///   workspace cannot be written; problems of one branch are that branch's decision.
    package func prepare(_ forge: any ForgeClient) async throws(StewardError) -> [BranchDecision] {
        let repository = workspace.repository
        do {
            if let notes = snapshot.notes {
                try workspace.setReference(
                    Repository.stewardNotesReference, to: notes, message: "steward: fetched notes")
            }
        } catch {
            throw StewardError(error, context: "cannot prepare the notes in \(repository.path)")
        }
        let openPullRequests: [PullRequest]
        do {
            openPullRequests = try await forge.openPullRequests(headPrefix: settings.branchPrefix)
        } catch {
            throw StewardError(error, context: "cannot list the open pull requests")
        }
        let pullRequests = Dictionary(
            openPullRequests.filter { $0.base == baseBranch }.map { ($0.head, $0) },
            uniquingKeysWith: { a, _ in a })
        var remotes: [String: RemoteBranch] = [:]
        for (branch, tip) in snapshot.branches {
            do {
                remotes[branch] = try RemoteBranch(
                    name: branch, tip: tip, base: snapshot.base, identity: identity, in: repository)
            } catch {
                throw StewardError(error, context: "cannot read \(branch) as fetched")
            }
        }
        var decisions: [BranchDecision] = []
        var stale = Set(remotes.keys).union(pullRequests.keys)
        var open = openPullRequests.count
        for group in groups {
            stale.remove(group.branch)
            decisions.append(
                decide(group, remote: remotes[group.branch], pullRequest: pullRequests[group.branch]))
        }
        for branch in stale.sorted() {
            let remote = remotes[branch]
            let pullRequest = pullRequests[branch]
            if let remote, let human = remote.humanCommit {
                decisions.append(
                    .blocked(
                        branch: branch, remote: remote, human: human, pullRequest: pullRequest, changes: 0))
            } else if pullRequest != nil || remote?.isSteward == true {
                if pullRequest != nil { open -= 1 }
                decisions.append(.close(branch: branch, remote: remote, pullRequest: pullRequest))
            }
        }
        return decisions.map { decision in
            guard case .push(let built, let lease, nil) = decision,
                let limit = plan.policy.policy?.limits.maxOpenPullRequests
            else { return decision }
            guard open < limit else { return .waiting(built, limit: limit, open: open) }
            open += 1
            return .push(built, lease: lease, pullRequest: nil)
        }
        .sorted { $0.branch < $1.branch }
    }

    private func decide(_ group: ChangeGroup, remote: RemoteBranch?, pullRequest: PullRequest?)
        -> BranchDecision
    {
        let changes = group.size
        if let remote, let human = remote.humanCommit {
            return .blocked(
                branch: group.branch, remote: remote, human: human, pullRequest: pullRequest, changes: changes
            )
        }
        let built: BuiltBranch
        do {
            built = try builder.build(group)
            try check(built)
        } catch {
            return .failed(branch: group.branch, changes: changes, message: error.message)
        }
        if let remote, (try? workspace.repository.treeID(built.tip.hex)) == remote.tree {
            return .unchanged(built, remote: remote, pullRequest: pullRequest)
        }
        return .push(built, lease: remote?.tip, pullRequest: pullRequest)
    }

    /// Holds the built commits to everything `steward verify` checks, with the same code, before
    /// anything leaves the workspace: signature, trailers, evidence note, policy blob, scope.
    private func check(_ built: BuiltBranch) throws(StewardError) {
        let repository = workspace.repository
        let request = VerifyRequest(
            repository: repository.path, policy: plan.policy.path, inventory: plan.inventory.options)
        let commits: [CommitInfo]
        do {
            commits = try repository.history(of: [], from: built.tip.hex, excluding: snapshot.base.hex)
                .reversed()
        } catch {
            throw StewardError(error, context: "\(built.group.branch): cannot read the built commits")
        }
        var problems: [String] = []
        for commit in commits {
            // The first commit of a branch stands on the base the plan rendered: no second render.
            var check = CommitCheck(
                commit: commit, request: request, signers: identity.signers,
                parentInventory: commit.parents == [snapshot.base] ? plan.inventory : nil)
            check.run(in: repository)
            problems += check.problems.map { "\(commit.id.short) \(commit.summary): \($0)" }
        }
        guard problems.isEmpty else {
            throw StewardError.failed(
                "\(built.group.branch): the commits Steward built do not pass steward verify, so nothing is "
                    + "published:\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
