/// The findings about one workload, and what became of each of its containers.
public struct WorkloadAnalysis: Sendable {
    /// In manifest order of the containers, then by kind (most urgent first).
    public var findings: [Finding]
    /// One per container of the workload, in manifest order.
    public var containers: [ContainerVerdict]

    public init(findings: [Finding], containers: [ContainerVerdict]) {
        self.findings = findings
        self.containers = containers
    }
}

/// What the analysis made of one container.
public struct ContainerVerdict: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// At least one finding proposes a change to it.
        case changed
        /// It has a usable profile and nothing to change (values right, or within hysteresis).
        case unchanged
        /// Not sized, and why: no profile, too little history, a profile marked insufficient.
        case skipped(String)
    }

    public var container: String
    public var status: Status

    public init(container: String, status: Status) {
        self.container = container
        self.status = status
    }
}
