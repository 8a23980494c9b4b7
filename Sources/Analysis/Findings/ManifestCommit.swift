/// A commit that changed a workload's manifests, or a TLS resource its Ingress uses: the Git
/// history the regression detector blames, given as plain values so that Analysis stays pure.
public struct ManifestCommit: Codable, Sendable, Hashable {
    /// What the commit touched.
    public enum Scope: String, Codable, Sendable, Hashable {
        /// A file declaring the workload (its pod template may have changed), or the Ingress when
        /// the subject is one that routes to no workload.
        case workload
        /// A file declaring an Ingress, Certificate or Secret that serves the workload's hosts.
        case tls
    }

    /// The full commit id, 40 hexadecimal digits: what `git revert` takes.
    public var id: String
    /// The committer time, unix seconds: when the change entered the branch Argo CD or Flux syncs.
    public var time: Double
    /// `Name <email>` of the author.
    public var author: String
    /// The first line of the message.
    public var summary: String
    /// The paths it changed among those asked about, sorted.
    public var paths: [String]
    public var scope: Scope
    /// Every sync that brought the commit to the cluster, oldest first, where an Argo CD
    /// Application's history dated it: each entry that deployed it while the one before did not
    /// (a rollback and a sync of the branch again bring it twice). Nil where the commit time
    /// stands for it (no Argo CD configured, or its history could not be read).
    public var deployments: [CommitDeployment]?
    /// The one of ``deployments`` that started the trigger the commit is a candidate for.
    public var deployment: CommitDeployment?

    public init(
        id: String, time: Double, author: String, summary: String, paths: [String], scope: Scope,
        deployments: [CommitDeployment]? = nil
    ) {
        self.id = id
        self.time = time
        self.author = author
        self.summary = summary
        self.paths = paths
        self.scope = scope
        self.deployments = deployments
    }

    /// The commit, if it reached the cluster in time to start something at `time` that began at
    /// most `delay` seconds later: committed (or deployed) before it and not longer than `delay`
    /// before; with ``deployment`` set to the sync that did. A sync counts from its start, since
    /// it applies manifests (and a ReplicaSet appears) before Argo CD records it finished; where
    /// Argo CD recorded no start, from `delay` before its end.
    public func reaching(_ time: Double, within delay: Double) -> ManifestCommit? {
        guard let deployments else { return self.time <= time && time - self.time <= delay ? self : nil }
        let match = deployments.last {
            ($0.startedAt ?? $0.deployedAt - delay) <= time && time - $0.deployedAt <= delay
        }
        guard let match else { return nil }
        var reached = self
        reached.deployment = match
        return reached
    }

    /// When the change first reached the cluster: its first deployment, else its commit.
    public var arrival: Double { deployments?.first?.deployedAt ?? time }

    /// The first seven digits of the id, as `git log --oneline` shows it.
    public var short: String { String(id.prefix(7)) }
}
