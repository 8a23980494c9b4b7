import Analysis
import GitStore
import Kubernetes
import Policy
import Telemetry
import YAMLSyntax

/// Turns a repository and usage profiles into a plan: findings, byte-minimal edits and a diff.
///
/// Each stage of the data flow lives in its own extension: the inventory of the repository
/// (`Planner+Inventory`), the analysis of each container (`Planner+Analysis`), the policy's
/// decision on each proposed change (`Planner+Policy`), and the edits (`Planner+Edits`), whose
/// bytes are then checked against the policy independently of the decisions. Nothing is written: the plan holds the edited bytes, and callers decide
/// what to do with them.
public struct Planner: Sendable {
    /// The recommender's and detectors' knobs (`docs/analysis.md`).
    public var settings = RecommenderSettings()

    public init() {}

    /// Plans `request`.
    ///
    /// - Throws: ``StewardError`` for a missing repository, a profiles file that cannot be used, a
    ///   manifest that does not parse (with its file, line, column and a caret), an edit the
    ///   YAML engine refuses, or edits whose bytes leave the policy. A missing or broken policy is
    ///   not an error here: the plan holds it, and every change is rejected.
    public func plan(_ request: PlanRequest) throws(StewardError) -> Plan {
        let source = ManifestSource(root: request.repository)
        let profiles: UsageProfiles
        do {
            profiles = try UsageProfiles.load(from: request.profiles)
        } catch {
            throw StewardError(error.description)
        }
        let cluster = try Self.cluster(request.cluster, in: profiles)
        let inventory = try inventory(of: source)
        let analysis = analyze(
            inventory, profiles: profiles, cluster: cluster, repository: request.repository,
            now: request.now.timeIntervalSince1970)
        let policy = PolicyState.load(request.policy, in: request.repository)
        let findings = decide(analysis.findings, policy: policy, inventory: inventory, cluster: cluster)
        let permitted = findings.flatMap(\.changes).filter(\.decision.permitsEdit)
        let savings = Self.savings(inventory, cluster: cluster, permitted: permitted)
        let fileEdits = try Self.edit(inventory.files, with: permitted)
        if let loaded = policy.policy {
            try Self.checkScope(fileEdits, policy: loaded, cluster: cluster, findings: findings)
        }
        return Plan(
            repository: request.repository, cluster: cluster, window: profiles.window,
            findings: findings, unchanged: analysis.unchanged, skipped: analysis.skipped,
            fileEdits: fileEdits, diff: try Self.diff(fileEdits), policy: policy,
            scheduleOpen: policy.policy?.schedule?.isOpen(at: request.now), savings: savings,
            notes: analysis.notes)
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
