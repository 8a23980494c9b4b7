import YAMLSyntax

/// A container of a workload's pod template, as its target renders it, with where each of its
/// resource fields is defined.
public struct ContainerSpec: Sendable {
    /// How the container runs inside the pod.
    public enum Role: String, Sendable, Codable {
        /// A regular container of `containers`.
        case main
        /// An init container that runs to completion before the others start.
        case initContainer = "init"
        /// A native sidecar: an init container with `restartPolicy: Always`.
        case sidecar
    }

    public var name: String
    public var role: Role
    /// The image reference after Kustomize's `images`, when the manifest names one.
    public var image: String?
    public var resources: ResourceRequirements
    /// Resource fields whose text is not a Kubernetes quantity, with where they are written.
    public var invalidFields: [ResourceField: InvalidQuantity]
    /// For each field the container sets, the location whose value wins after patches.
    public var locations: [ResourceField: FieldLocation]
    /// Where the container is declared, which says where a field it does not set yet would go.
    public var source: ContainerSource
    /// The container's node in the rendered workload, e.g. `spec.template.spec.containers[name=app]`.
    public var path: YAMLPath

    public init(
        name: String, role: Role, image: String? = nil, resources: ResourceRequirements,
        invalidFields: [ResourceField: InvalidQuantity] = [:],
        locations: [ResourceField: FieldLocation] = [:], source: ContainerSource? = nil, path: YAMLPath
    ) {
        self.name = name
        self.role = role
        self.image = image
        self.resources = resources
        self.invalidFields = invalidFields
        self.locations = locations
        self.source = source ?? .unmapped("declared nowhere")
        self.path = path
    }

    /// The path of one of the container's resource fields, e.g. `…[name=app].resources.limits.memory`.
    public func path(of field: ResourceField) -> YAMLPath {
        path.appending(.key("resources")).appending(.key(field.section)).appending(.key(field.resource))
    }
}
