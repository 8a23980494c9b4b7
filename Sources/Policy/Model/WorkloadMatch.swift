/// Which workloads a rule selects. Every condition given must hold; an empty list (or map)
/// means any. Names, namespaces, clusters and label values are globs (`*`, `?`).
public struct WorkloadMatch: Sendable, Hashable {
    public var clusters: [Glob]
    public var namespaces: [Glob]
    /// Exact kinds (`Deployment`, `StatefulSet`, …).
    public var kinds: [String]
    public var names: [Glob]
    /// Labels the workload must carry, with a glob for each value.
    public var labels: [String: Glob]

    public init(
        clusters: [Glob] = [], namespaces: [Glob] = [], kinds: [String] = [], names: [Glob] = [],
        labels: [String: Glob] = [:]
    ) {
        self.clusters = clusters
        self.namespaces = namespaces
        self.kinds = kinds
        self.names = names
        self.labels = labels
    }

    /// Whether the rule selects `subject`.
    public func matches(_ subject: PolicySubject) -> Bool {
        let workload = subject.workload
        return Self.any(clusters, workload.cluster) && Self.any(namespaces, workload.namespace)
            && (kinds.isEmpty || kinds.contains(workload.kind)) && Self.any(names, workload.name)
            && labels.allSatisfy { key, value in subject.labels[key].map(value.matches) ?? false }
    }

    /// Whether every workload `other` selects is selected by `self` too, as far as can be decided
    /// from the patterns; false when unsure, so that only certain shadowing is reported.
    public func covers(_ other: WorkloadMatch) -> Bool {
        Self.covers(clusters, other.clusters) && Self.covers(namespaces, other.namespaces)
            && (kinds.isEmpty || (!other.kinds.isEmpty && Set(other.kinds).isSubset(of: kinds)))
            && Self.covers(names, other.names)
            && labels.allSatisfy { key, value in other.labels[key].map(value.covers) ?? false }
    }

    private static func any(_ globs: [Glob], _ text: String) -> Bool {
        globs.isEmpty || globs.contains { $0.matches(text) }
    }

    private static func covers(_ wide: [Glob], _ narrow: [Glob]) -> Bool {
        wide.isEmpty
            || (!narrow.isEmpty && narrow.allSatisfy { pattern in wide.contains { $0.covers(pattern) } })
    }
}
