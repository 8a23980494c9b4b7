import YAMLSyntax

/// Turns rendered resources into the public workload values: quantities parsed, autoscalers
/// attached, the target's default namespace filled in.
enum WorkloadAssembler {
    /// The workloads and autoscalers of `resources`; `defaultNamespace` goes to resources that
    /// name none (Argo CD's destination namespace, a Helm release's namespace).
    static func assemble(
        _ resources: [RenderedResource], defaultNamespace: String?
    ) -> (workloads: [Workload], autoscalers: [Autoscaler]) {
        var autoscalers: [Autoscaler] = []
        for resource in resources {
            guard case .autoscaler(let body) = resource.body else { continue }
            autoscalers.append(
                Autoscaler(
                    name: resource.name, namespace: resource.namespace ?? defaultNamespace,
                    targetKind: body.targetKind, targetName: body.targetName, minReplicas: body.minReplicas,
                    maxReplicas: body.maxReplicas, utilization: body.utilization, origin: resource.origin))
        }
        var workloads: [Workload] = []
        for resource in resources {
            guard var workload = workload(from: resource) else { continue }
            if workload.namespace == nil { workload.namespace = defaultNamespace }
            let namespace = RenderedResource.effectiveNamespace(workload.namespace)
            workload.autoscaler = autoscalers.first {
                $0.targetKind == workload.kind && $0.targetName == workload.name
                    && RenderedResource.effectiveNamespace($0.namespace) == namespace
            }
            workloads.append(workload)
        }
        return (workloads, autoscalers)
    }

    /// The workload of a rendered resource, or nil for any other kind.
    static func workload(from resource: RenderedResource) -> Workload? {
        guard case .workload(let body) = resource.body else { return nil }
        var containers: [ContainerSpec] = []
        for section in ["initContainers", "containers"] {
            let sectionPath = body.shape.sectionPath(section)
            let names = body[section].map(\.name)
            for (index, rendered) in body[section].enumerated() {
                let unique = names.filter { $0 == rendered.name }.count == 1
                let role: ContainerSpec.Role =
                    section == "containers"
                    ? .main : rendered.restartPolicy == "Always" ? .sidecar : .initContainer
                containers.append(
                    container(
                        rendered, role: role,
                        path: sectionPath.appending(
                            unique ? .match(key: "name", value: rendered.name) : .index(index))))
            }
        }
        var workload = Workload(
            apiVersion: resource.apiVersion, kind: resource.kind, name: resource.name,
            namespace: resource.namespace, file: resource.origin.file, document: resource.origin.document,
            replicas: body.replicas, containers: containers, labels: resource.labels,
            annotations: resource.annotations)
        workload.overlayName = resource.levelName
        workload.overlayNamespace = resource.levelNamespace
        return workload
    }

    private static func container(_ rendered: RenderedContainer, role: ContainerSpec.Role, path: YAMLPath)
        -> ContainerSpec
    {
        ContainerSpec(
            name: rendered.name, role: role, image: rendered.image, resources: rendered.fields.resources,
            invalidFields: rendered.fields.invalid, locations: rendered.fields.locations,
            source: rendered.source,
            path: path)
    }
}
