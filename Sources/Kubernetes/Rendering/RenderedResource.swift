import YAMLSyntax

/// A resource while a target renders: its identity, where it is declared, and the parts Steward
/// reads. Kustomize's patches and transformers change it; a target's workloads are made from it.
struct RenderedResource: Sendable {
    var apiVersion: String
    var kind: String
    var name: String
    var namespace: String?
    /// Names the resource had before prefixes and suffixes, oldest first; patches may use any.
    var previousNames: [String] = []
    var labels: [String: String] = [:]
    var annotations: [String: String] = [:]
    /// The document declaring the resource.
    var origin: SourceLocation
    var body: Body
    /// The name and namespace when the current kustomization level started transforming.
    var levelName: String
    var levelNamespace: String?

    enum Body: Sendable {
        case workload(WorkloadBody)
        case autoscaler(AutoscalerBody)
        case other
    }

    init(
        apiVersion: String, kind: String, name: String, namespace: String?, origin: SourceLocation,
        body: Body
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.origin = origin
        self.body = body
        self.levelName = name
        self.levelNamespace = namespace
    }

    /// The API group: the part of `apiVersion` before `/`, empty for the core group.
    var group: String {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The version: the part of `apiVersion` after `/`.
    var version: String {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }

    /// Whether `name` is the resource's current name or one it had.
    func hasName(_ name: String) -> Bool {
        self.name == name || previousNames.contains(name)
    }

    /// Namespaces as Kubernetes compares them: no namespace is `default`.
    static func effectiveNamespace(_ namespace: String?) -> String {
        guard let namespace, !namespace.isEmpty else { return "default" }
        return namespace
    }
}

/// The pod template of a workload: replicas and containers.
struct WorkloadBody: Sendable {
    /// Where the pod spec sits in the resource.
    var shape: PodSpecShape
    var replicas: Int?
    var containers: [RenderedContainer]
    var initContainers: [RenderedContainer]

    /// The containers of `section` (`containers` or `initContainers`).
    subscript(section: String) -> [RenderedContainer] {
        get { section == "initContainers" ? initContainers : containers }
        set {
            if section == "initContainers" { initContainers = newValue } else { containers = newValue }
        }
    }
}

/// A container while a target renders.
struct RenderedContainer: Sendable {
    var name: String
    var image: String?
    var restartPolicy: String?
    var source: ContainerSource
    var fields = ContainerFields()
}

/// A resource field's text and the location it comes from.
struct RenderedValue: Sendable, Hashable {
    var text: String
    var location: FieldLocation
}

/// What Steward reads of a HorizontalPodAutoscaler.
struct AutoscalerBody: Sendable {
    var targetKind: String
    var targetName: String
    var minReplicas: Int?
    var maxReplicas: Int?
    var utilization: [String: Int]
}
