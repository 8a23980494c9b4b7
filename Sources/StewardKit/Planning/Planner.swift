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
    /// - Throws: ``StewardError`` for a missing repository, a profiles file that cannot be used, a
    ///   manifest that does not parse (with its file, line, column and a caret), or an edit the
    ///   YAML engine refuses.
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
        let analysis = analyze(inventory, profiles: profiles, cluster: cluster)
        let fileEdits = try Self.edit(inventory.files, with: analysis.findings.flatMap(\.changes))
        return Plan(
            repository: request.repository, cluster: cluster, window: profiles.window,
            findings: analysis.findings, unchanged: analysis.unchanged, skipped: analysis.skipped,
            fileEdits: fileEdits, diff: try Self.diff(fileEdits))
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
