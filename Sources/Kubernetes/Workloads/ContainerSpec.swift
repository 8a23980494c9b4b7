import YAMLSyntax

/// A container of a workload's pod template, as the manifest declares it.
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
    public var resources: ResourceRequirements
    /// Resource fields whose text is not a Kubernetes quantity, with where they are written.
    public var invalidFields: [ResourceField: InvalidQuantity]
    /// The container's node in its document, e.g. `spec.template.spec.containers[name=app]`.
    public var path: YAMLPath

    public init(
        name: String, role: Role, resources: ResourceRequirements,
        invalidFields: [ResourceField: InvalidQuantity] = [:], path: YAMLPath
    ) {
        self.name = name
        self.role = role
        self.resources = resources
        self.invalidFields = invalidFields
        self.path = path
    }

    /// The path of one of the container's resource fields, e.g. `…[name=app].resources.limits.memory`.
    public func path(of field: ResourceField) -> YAMLPath {
        path.appending(.key("resources")).appending(.key(field.section)).appending(.key(field.resource))
    }
}
