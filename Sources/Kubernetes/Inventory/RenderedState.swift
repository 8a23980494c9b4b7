/// What a target renders, flattened for comparison: one entry per workload, container and
/// field Steward reads, so that two renderings can be compared for exactly the intended change.
public struct RenderedState: Sendable, Equatable {
    /// A workload container's field, or the workload (`container` nil) for replicas and presence.
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var namespace: String
        public var kind: String
        public var name: String
        public var container: String?
        /// `present`, `image`, `replicas`, `role` or a resource field's raw value.
        public var facet: String

        public init(namespace: String, kind: String, name: String, container: String?, facet: String) {
            self.namespace = namespace
            self.kind = kind
            self.name = name
            self.container = container
            self.facet = facet
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.namespace, lhs.kind, lhs.name, lhs.container ?? "", lhs.facet)
                < (rhs.namespace, rhs.kind, rhs.name, rhs.container ?? "", rhs.facet)
        }

        /// `namespace/Kind/name container facet`.
        public var description: String {
            "\(namespace)/\(kind)/\(name)" + (container.map { " container \($0)" } ?? "") + " \(facet)"
        }
    }

    /// The rendered text of each key; resource fields as written.
    public var values: [Key: String]

    /// The state of a target's workloads.
    public init(_ target: DeploymentTarget) {
        var values: [Key: String] = [:]
        for workload in target.workloads {
            let namespace = workload.namespace ?? "default"
            func key(_ container: String?, _ facet: String) -> Key {
                Key(
                    namespace: namespace, kind: workload.kind, name: workload.name, container: container,
                    facet: facet)
            }
            values[key(nil, "present")] = "true"
            if let replicas = workload.replicas { values[key(nil, "replicas")] = String(replicas) }
            for container in workload.containers {
                values[key(container.name, "role")] = container.role.rawValue
                if let image = container.image { values[key(container.name, "image")] = image }
                for (field, quantity) in container.resources.values {
                    values[key(container.name, field.rawValue)] = quantity.text
                }
                for (field, invalid) in container.invalidFields {
                    values[key(container.name, field.rawValue)] = invalid.text
                }
            }
        }
        self.values = values
    }

    /// Keys whose value differs between two states (added, removed or changed), sorted; resource
    /// quantities compare by value, so `1Gi` and `1024Mi` are the same.
    public func differences(to other: RenderedState) -> [Key] {
        Set(values.keys).union(other.values.keys).filter { key in
            let old = values[key]
            let new = other.values[key]
            if let old, let new, ResourceField(rawValue: key.facet) != nil, let a = Quantity(old),
                let b = Quantity(new)
            {
                return a != b
            }
            return old != new
        }.sorted()
    }
}
