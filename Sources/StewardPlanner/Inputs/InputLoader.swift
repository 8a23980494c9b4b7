import ArgoCD
import Foundation
import GitStore
import Kubernetes
import Policy
import Profiles

/// Reads what a plan is made from: the repository (a folder, or a Git tree without checkout),
/// the configuration, the profiles, the policy and where the history is. `steward plan`,
/// `steward run` and `steward verify` all read through it, so they see a repository alike.
package enum InputLoader {
    /// The inputs of `steward plan`.
    /// - Throws: ``StewardError`` for a missing repository or revision, a configuration or
    ///   profiles file that cannot be used, or profiles of several clusters without `--cluster`.
    package static func load(_ request: PlanRequest) throws(StewardError) -> PlanInputs {
        let configuration = try request.configuration.map { path throws(StewardError) in
            try StewardConfiguration.load(from: path, for: .plan)
        }
        let profiles = try self.profiles(from: request.profiles)
        let options = configuration?.inventory ?? InventoryOptions()
        let grouping = request.groupBy ?? configuration?.publish.groupBy ?? .target
        // A folder as it is on disk, or the tree of a revision read without a checkout.
        let tree: any FileTree
        if let revision = request.revision {
            let repository: Repository
            do {
                repository = try Repository.open(path: request.repository)
            } catch {
                throw StewardError(error, context: request.repository)
            }
            tree = try GitTreeSource(repository: repository, revision: revision)
        } else {
            tree = ManifestSource(root: request.repository)
        }
        var inputs = try load(
            tree, repository: request.repository, profiles: profiles,
            cluster: request.cluster ?? configuration?.cluster,
            policy: request.policy ?? configuration?.policy ?? Policy.defaultPath, options: options,
            history: CommitHistory(repository: request.repository, revision: request.revision ?? "HEAD"),
            grouping: grouping, now: request.now)
        inputs.argoCD = configuration?.argoCD
        return inputs
    }

    /// Reads the deployment timelines of `inputs`' Application targets from the Argo CD its
    /// configuration names (nothing without one), with a client of its own.
    /// - Throws: ``StewardError/argoCD(_:)`` when the token file or CA file cannot be used;
    ///   Argo CD's own failures are the timelines' notes.
    package static func readDeployments(into inputs: inout PlanInputs) async throws(StewardError) {
        guard let settings = inputs.argoCD else { return }
        let configuration = try settings.clientConfiguration()
        let client: ArgoCDClient
        do {
            client = try ArgoCDClient(configuration: configuration)
        } catch {
            throw .argoCD(error)
        }
        inputs.deployments = await DeploymentTimelines.read(
            inputs.inventory, cluster: inputs.cluster, client: client)
        await client.shutdown()
    }

    /// The inputs of a plan of `tree` with profiles already at hand (a run collects them).
    package static func load(
        _ tree: some FileTree, repository: String, profiles: UsageProfiles, cluster: String?, policy: String,
        options: InventoryOptions, history: CommitHistory, grouping: Grouping, now: Date
    ) throws(StewardError) -> PlanInputs {
        PlanInputs(
            repository: repository, inventory: try inventory(of: tree, options: options), profiles: profiles,
            cluster: try self.cluster(cluster, in: profiles), policy: PolicyState.load(policy, in: tree),
            history: history, grouping: grouping, now: now)
    }

    /// Reads the repository tree and renders every target: where each container field is defined.
    ///
    /// Files that do not parse and targets that cannot be rendered are problems of the
    /// inventory, reported in the plan; only a tree that cannot be read at all is an error.
    package static func inventory(of tree: some FileTree, options: InventoryOptions) throws(StewardError)
        -> Inventory
    {
        do {
            return try Inventory(tree: tree, options: options)
        } catch {
            throw .fileTree(error)
        }
    }

    /// A profiles file (`docs/profiles.md`).
    package static func profiles(from path: String) throws(StewardError) -> UsageProfiles {
        do {
            return try UsageProfiles.load(from: path)
        } catch {
            throw .profiles(error)
        }
    }

    /// The cluster to plan for: the one asked for, or the only one the profiles cover.
    static func cluster(_ requested: String?, in profiles: UsageProfiles) throws(StewardError)
        -> String
    {
        if let requested {
            return requested
        }
        let clusters = Set(profiles.profiles.map(\.cluster)).sorted()
        guard clusters.count <= 1 else {
            throw .invalidInput(
                "the profiles cover several clusters (\(clusters.joined(separator: ", "))): choose one with --cluster"
            )
        }
        return clusters.first ?? "default"
    }
}
