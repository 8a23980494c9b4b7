import YAMLSyntax

/// A workload as its target renders it: a controller with a pod template.
public struct Workload: Sendable {
    public var apiVersion: String
    public var kind: String
    /// The name after Kustomize's prefixes and suffixes (or the Helm template's).
    public var name: String
    /// The namespace it is deployed to, or nil when neither the manifest nor the target names one.
    public var namespace: String?
    /// The file declaring the resource, relative to the repository root, with `/` separators.
    public var file: String
    /// The 0-based index of the document inside the file.
    public var document: Int
    /// `spec.replicas` as rendered, when set.
    public var replicas: Int?
    public var containers: [ContainerSpec]
    public var labels: [String: String]
    public var annotations: [String: String]
    /// The HorizontalPodAutoscaler of the same target that scales this workload.
    public var autoscaler: Autoscaler?
    /// The name and namespace the target's own kustomization sees, before its own prefix,
    /// suffix and namespace: what a patch in the overlay must name.
    public var overlayName: String
    public var overlayNamespace: String?

    public init(
        apiVersion: String = "apps/v1", kind: String, name: String, namespace: String?, file: String,
        document: Int, replicas: Int? = nil, containers: [ContainerSpec], labels: [String: String] = [:],
        annotations: [String: String] = [:], autoscaler: Autoscaler? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.file = file
        self.document = document
        self.replicas = replicas
        self.containers = containers
        self.labels = labels
        self.annotations = annotations
        self.autoscaler = autoscaler
        self.overlayName = name
        self.overlayNamespace = namespace
    }

    /// The workload in `cluster`, with `default` for a manifest that names no namespace.
    public func reference(cluster: String) -> WorkloadReference {
        WorkloadReference(cluster: cluster, namespace: namespace ?? "default", kind: kind, name: name)
    }

    /// The container named `name`.
    public func container(_ name: String) -> ContainerSpec? {
        containers.first { $0.name == name }
    }
}
