import Analysis
import Foundation
import GitStore
import Kubernetes
import Policy
import Profiles
import YAMLSyntax

/// Turns a repository and usage profiles into a plan: findings, byte-minimal edits and a diff.
///
/// Each stage of the data flow lives in its own extension: the inventory of the repository
/// (`Planner+Inventory`), the analysis of each container (`Planner+Analysis`), where each
/// proposal would be written (`Planner+Proposals`), the policy's decision on each proposed change
/// (`Planner+Policy`), and the edits (`Planner+Edits`), whose bytes are then checked against the
/// policy independently of the decisions. Nothing is written: the plan holds the edited bytes, and
/// callers decide what to do with them.
package struct Planner: Sendable {
    /// The recommender's and detectors' knobs (`docs/analysis.md`) before the policy's: the
    /// policy's `spec.recommender` and its rules' `recommender` blocks are applied over them.
    package var settings = RecommenderSettings()

    package init() {}

    /// Plans `request`.
    ///
    /// - Throws: ``StewardError`` for a missing repository, a configuration or profiles file that
    ///   cannot be used, an edit the YAML engine refuses, or edits whose bytes leave the policy.
    ///   Files that do not parse and targets that cannot be rendered are reported in
    ///   ``Plan/errors`` instead; a missing or broken policy is held by the plan, and every change
    ///   is rejected.
    package func plan(_ request: PlanRequest) throws(StewardError) -> Plan {
        let configuration = try request.configuration.map { path throws(StewardError) in
            try StewardConfiguration.load(from: path)
        }
        let profiles: UsageProfiles
        do {
            profiles = try UsageProfiles.load(from: request.profiles)
        } catch {
            throw StewardError(error.description)
        }
        let cluster = try Self.cluster(request.cluster, in: profiles)
        let options = configuration?.inventory ?? InventoryOptions()
        let inventory: Inventory
        let policy: PolicyState
        if let revision = request.revision {
            let repository: Repository
            do {
                repository = try Repository.open(path: request.repository)
            } catch {
                throw StewardError("\(error)")
            }
            let tree = try GitTreeSource(repository: repository, revision: revision)
            inventory = try self.inventory(of: tree, options: options)
            policy = Self.policy(request.policy, in: tree)
        } else {
            inventory = try self.inventory(of: ManifestSource(root: request.repository), options: options)
            policy = PolicyState.load(request.policy, in: request.repository)
        }
        return try plan(
            inventory, profiles: profiles, cluster: cluster, policy: policy, repository: request.repository,
            grouping: request.groupBy ?? configuration?.groupBy ?? .target, now: request.now,
            history: HistorySource(repository: request.repository, revision: request.revision ?? "HEAD"))
    }

    /// Plans an inventory already taken (of a directory or of a Git tree).
    ///
    /// - Parameters:
    ///   - grouping: how findings share pull requests, which `maxChangesPerPullRequest` counts per.
    ///   - history: where the regression detector reads the commits it may blame; the `HEAD` of
    ///     `repository` when nil.
    package func plan(
        _ inventory: Inventory, profiles: UsageProfiles, cluster: String, policy: PolicyState,
        repository: String, grouping: Grouping = .target,
        now: Date = Date(), history: HistorySource? = nil
    ) throws(StewardError) -> Plan {
        let analysis = analyze(
            inventory, profiles: profiles, cluster: cluster, policy: policy.policy,
            history: history ?? HistorySource(repository: repository, revision: "HEAD"),
            now: now.timeIntervalSince1970)
        let proposals = Self.propose(analysis.findings, in: inventory)
        let decided = Self.keepRequestsWithinLimits(
            decide(
                proposals.findings, policy: policy, subjects: proposals.subjects, cluster: cluster,
                grouping: grouping),
            proposals: proposals)
        let edits = try Self.edit(inventory, findings: decided, proposals: proposals)
        if let loaded = policy.policy {
            try Self.checkScope(
                edits.files, policy: loaded, cluster: cluster, findings: edits.findings, inventory: inventory)
        }
        let targets = inventory.targets.map { target in
            TargetSummary(
                name: target.name, kind: target.kind, definedIn: target.definedIn?.file, paths: target.paths,
                cluster: target.cluster, namespace: target.namespace, workloads: target.workloads.count,
                planned: target.cluster == nil || target.cluster == cluster)
        }
        return Plan(
            repository: repository, cluster: cluster, window: profiles.window, targets: targets,
            findings: edits.findings,
            unchanged: (analysis.unchanged + proposals.unchanged).sorted {
                ($0.workload, $0.container) < ($1.workload, $1.container)
            },
            skipped: (analysis.skipped + proposals.skipped + edits.skipped).sorted {
                ($0.subject.workload, $0.subject.container) < ($1.subject.workload, $1.subject.container)
            },
            errors: inventory.problems + inventory.targets.flatMap(\.problems), fileEdits: edits.files,
            reverts: Self.reverts(edits.findings), diff: try Self.diff(edits.files), policy: policy,
            scheduleOpen: policy.policy?.schedule?.isOpen(at: now),
            savings: Self.savings(inventory, cluster: cluster, findings: edits.findings),
            notes: analysis.notes, inventory: inventory, proposals: proposals)
    }

    /// The policy file of a Git tree, as `PolicyState.load` reads it from a directory.
    package static func policy(_ path: String, in tree: GitTreeSource) -> PolicyState {
        guard (try? tree.filePaths().contains(path)) == true else { return .missing(path: path) }
        do {
            return .loaded(try Policy(bytes: try tree.contents(of: path), path: path))
        } catch let error as PolicyLoadError {
            return .invalid(path: path, error: error)
        } catch {
            let unreadable = YAMLError(
                path: path, line: 0, column: 0, message: "cannot read the file: \(error)")
            return .invalid(path: path, error: PolicyLoadError([unreadable]))
        }
    }

    /// The cluster to plan for: the one asked for, or the only one the profiles cover.
    package static func cluster(_ requested: String?, in profiles: UsageProfiles) throws(StewardError) -> String {
        if let requested {
            return requested
        }
        let clusters = Set(profiles.profiles.map(\.cluster)).sorted()
        guard clusters.count <= 1 else {
            throw StewardError(
                "the profiles cover several clusters (\(clusters.joined(separator: ", "))): choose one with --cluster"
            )
        }
        return clusters.first ?? "default"
    }
}
