import Analysis
import GitStore
import Kubernetes
import Telemetry
import YAMLSyntax

/// Turns a repository and usage profiles into a plan: findings, byte-minimal edits and a diff.
///
/// Each stage of the data flow lives in its own extension: the inventory of the repository
/// (`Planner+Inventory`), the analysis of each container (`Planner+Analysis`), and the edits
/// (`Planner+Edits`). Nothing is written: the plan holds the edited bytes, and callers decide
/// what to do with them.
public struct Planner: Sendable {
    public var recommender = SimpleRecommender()

    public init() {}

    /// Plans `request`.
    ///
    /// - Throws: ``StewardError`` for a missing repository, a configuration or profiles file that
    ///   cannot be used, or an edit the YAML engine refuses. Files that do not parse and targets
    ///   that cannot be rendered are reported in ``Plan/errors`` instead.
    public func plan(_ request: PlanRequest) throws(StewardError) -> Plan {
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
        let inventory = try inventory(
            of: ManifestSource(root: request.repository),
            options: configuration?.inventory ?? InventoryOptions())
        return try plan(inventory, profiles: profiles, cluster: cluster, repository: request.repository)
    }

    /// Plans an inventory already taken (of a directory or of a Git tree).
    public func plan(
        _ inventory: Inventory, profiles: UsageProfiles, cluster: String, repository: String
    ) throws(StewardError) -> Plan {
        let analysis = analyze(inventory, profiles: profiles, cluster: cluster)
        let edits = try Self.edit(inventory, analysis: analysis)
        let targets = inventory.targets.map { target in
            TargetSummary(
                name: target.name, kind: target.kind, definedIn: target.definedIn?.file, paths: target.paths,
                cluster: target.cluster, namespace: target.namespace, workloads: target.workloads.count,
                planned: target.cluster == nil || target.cluster == cluster)
        }
        let errors = inventory.problems + inventory.targets.flatMap(\.problems)
        return Plan(
            repository: repository, cluster: cluster, window: profiles.window, targets: targets,
            findings: edits.findings,
            unchanged: (analysis.unchanged + edits.unchanged).sorted {
                ($0.workload, $0.container) < ($1.workload, $1.container)
            },
            skipped: (analysis.skipped + edits.skipped).sorted {
                ($0.subject.workload, $0.subject.container) < ($1.subject.workload, $1.subject.container)
            },
            errors: errors, fileEdits: edits.files, diff: try Self.diff(edits.files))
    }

    /// The cluster to plan for: the one asked for, or the only one the profiles cover.
    static func cluster(_ requested: String?, in profiles: UsageProfiles) throws(StewardError) -> String {
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
