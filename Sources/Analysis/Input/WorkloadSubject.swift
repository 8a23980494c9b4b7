import Kubernetes
import Profiles

/// Everything Analysis knows about one workload: the desired spec from Git, the observed usage
/// of each container, its autoscaler, the commits that touched it, and the probes of its hosts.
/// Or about an Ingress that routes to no workload (``unroutedIngress``): the probes of its hosts
/// and the commits to it and its TLS resources, without containers.
public struct WorkloadSubject: Sendable {
    public var workload: WorkloadReference
    /// The containers as Git declares them, in manifest order (init containers first).
    public var containers: [ContainerSpec]
    /// The usage profile of each container, by container name; a container without one is skipped.
    public var profiles: [String: UsageProfile]
    /// The HorizontalPodAutoscaler that scales the workload, if the repository has one.
    public var autoscaler: HorizontalScaling?
    /// Commits in (or shortly before) the window that touched the workload's manifests or the
    /// TLS resources of its hosts, any order.
    public var commits: [ManifestCommit]
    /// Probe results of the URLs whose host the workload serves.
    public var probes: [ProbeProfile]
    /// The Argo CD Application whose history dated ``commits`` (each carries its
    /// ``ManifestCommit/deployment``, and those never deployed are left out); nil where commit
    /// times stand for deployments.
    public var timeline: String?
    /// The Ingress the subject is (its ``workload`` is of kind `Ingress`) when its Services lead
    /// to no workload: its failing probes are reported, never blamed with a revert, since what
    /// serves the host is unknown and the missing Service may be the cause. Nil for a workload.
    /// Package access, like the planner's query that finds such Ingresses.
    package var unroutedIngress: UnroutedIngress?

    public init(
        workload: WorkloadReference, containers: [ContainerSpec], profiles: [String: UsageProfile],
        autoscaler: HorizontalScaling? = nil, commits: [ManifestCommit] = [], probes: [ProbeProfile] = []
    ) {
        self.workload = workload
        self.containers = containers
        self.profiles = profiles
        self.autoscaler = autoscaler
        self.commits = commits
        self.probes = probes
    }
}

/// What holds for every workload of one analysis: the window, the moment, the queries.
public struct AnalysisContext: Sendable {
    /// The window the profiles cover.
    public var window: Window
    /// The moment of the analysis, unix seconds: how soon a certificate expires counts from here.
    /// No clock is read: the caller says what now is.
    public var now: Double
    /// Every PromQL query of the profiles file; each finding cites those it used.
    public var queries: [String]

    public init(window: Window, now: Double, queries: [String] = []) {
        self.window = window
        self.now = now
        self.queries = queries
    }
}
