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
    /// When Argo CD deployed the commit, where its Application's history says; nil where the
    /// commit time stands for it (no Argo CD configured, or its history could not be read).
    public var deployment: CommitDeployment?

    public init(
        id: String, time: Double, author: String, summary: String, paths: [String], scope: Scope,
        deployment: CommitDeployment? = nil
    ) {
        self.id = id
        self.time = time
        self.author = author
        self.summary = summary
        self.paths = paths
        self.scope = scope
        self.deployment = deployment
    }

    /// Whether the change reached the cluster in time to start something at `time` that began at
    /// most `delay` seconds later: committed (or deployed) before it and not longer than `delay`
    /// before. A deployment counts from its start, since the sync applies manifests (and a
    /// ReplicaSet appears) before Argo CD records it finished.
    public func reached(before time: Double, within delay: Double) -> Bool {
        guard let deployment else { return self.time <= time && time - self.time <= delay }
        return (deployment.startedAt ?? deployment.deployedAt) <= time
            && time - deployment.deployedAt <= delay
    }

    /// When the change reached the cluster: its deployment, else its commit.
    public var arrival: Double { deployment?.deployedAt ?? time }

    /// The first seven digits of the id, as `git log --oneline` shows it.
    public var short: String { String(id.prefix(7)) }
}
