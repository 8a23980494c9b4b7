import Analysis
import ArgoCD
import Kubernetes

/// What Argo CD says about the Application targets of a plan: each one's history (when which
/// revision was deployed), its sync policy and state. Read once per plan, before planning, and
/// only where `steward.yaml` has an `argocd` section.
package struct DeploymentTimelines: Sendable {
    /// The API server, as messages name it.
    package var server: String
    /// The Applications read, by target name.
    package var applications: [String: ArgoApplication]
    /// Why an Application could not be read, by target name: its commits are dated by commit
    /// time and no rollback is proposed for it.
    package var unavailable: [String: ArgoCDError]

    package init(
        server: String, applications: [String: ArgoApplication] = [:],
        unavailable: [String: ArgoCDError] = [:]
    ) {
        self.server = server
        self.applications = applications
        self.unavailable = unavailable
    }

    /// Reads the Application of every target of `inventory` that Argo CD deploys to `cluster`.
    /// A failure is kept per Application, never thrown: the plan goes on with commit times.
    package static func read(_ inventory: Inventory, cluster: String, client: ArgoCDClient) async
        -> DeploymentTimelines
    {
        var timelines = DeploymentTimelines(server: client.server)
        let targets = inventory.targets.filter {
            ($0.kind == .application || $0.kind == .applicationSet)
                && ($0.cluster == nil || $0.cluster == cluster)
        }
        for target in targets {
            do {
                timelines.applications[target.name] = try await client.application(
                    target.applicationName ?? target.name, namespace: target.applicationNamespace,
                    project: target.applicationProject)
            } catch {
                timelines.unavailable[target.name] = error
            }
        }
        return timelines
    }

    /// The plan's notes about Applications that could not be read.
    package var notes: [String] {
        unavailable.sorted { $0.key < $1.key }.map { name, error in
            "\(error): the commits deployed by \(name) are dated by commit time, and no rollback is proposed for it"
        }
    }

    /// `commits` of a workload that Application `name` deploys, each commit to its manifests with
    /// when a sync deployed it; those it never deployed are left out, since they never ran.
    /// Commits to TLS resources keep their commit time: another Application (or cert-manager) may
    /// deploy those. Nil when Argo CD did not answer for `name`: commit times stand.
    func dated(_ commits: [ManifestCommit], target name: String, history: CommitHistory) -> [ManifestCommit]?
    {
        guard let application = applications[name] else { return nil }
        let workload = commits.filter { $0.scope == .workload }
        let found = history.deployments(of: Set(workload.map(\.id)), in: application.history)
        return commits.compactMap { commit in
            guard commit.scope == .workload else { return commit }
            guard let entries = found[commit.id] else { return nil }
            var dated = commit
            dated.deployments = entries.map { entry, revision in
                CommitDeployment(
                    application: application.name, target: name, historyID: entry.id, revision: revision,
                    startedAt: entry.deployStartedAt?.timeIntervalSince1970,
                    deployedAt: entry.deployedAt.timeIntervalSince1970)
            }
            return dated
        }
    }
}
