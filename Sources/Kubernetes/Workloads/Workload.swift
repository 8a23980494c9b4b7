import YAMLSyntax

/// A workload found in a manifest: a controller with a pod template.
public struct Workload: Sendable {
    public var kind: String
    public var name: String
    /// `metadata.namespace`, or nil when the manifest leaves it to the deployment tool.
    public var namespace: String?
    /// The file, relative to the repository root, with `/` separators.
    public var file: String
    /// The 0-based index of the document inside the file.
    public var document: Int
    public var containers: [ContainerSpec]
    public var labels: [String: String]
    public var annotations: [String: String]

    public init(
        kind: String, name: String, namespace: String?, file: String, document: Int,
        containers: [ContainerSpec], labels: [String: String] = [:], annotations: [String: String] = [:]
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.file = file
        self.document = document
        self.containers = containers
        self.labels = labels
        self.annotations = annotations
    }

    /// The workload in `cluster`, with `default` for a manifest that names no namespace.
    public func reference(cluster: String) -> WorkloadReference {
        WorkloadReference(cluster: cluster, namespace: namespace ?? "default", kind: kind, name: name)
    }
}
