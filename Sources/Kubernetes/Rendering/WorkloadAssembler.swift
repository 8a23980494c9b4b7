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
        for index in resources.indices {
            guard case .autoscaler(let body) = resources[index].body else { continue }
            let resource = resources[index]
            autoscalers.append(
                Autoscaler(
                    name: resource.name, namespace: resource.namespace ?? defaultNamespace,
                    targetKind: body.targetKind, targetName: body.targetName, minReplicas: body.minReplicas,
                    maxReplicas: body.maxReplicas, utilization: body.utilization, origin: resource.origin))
        }
        var workloads: [Workload] = []
        workloads.reserveCapacity(resources.count - autoscalers.count)
        for index in resources.indices {
            guard let workload = workload(from: resources[index]) else { continue }
            workloads.append(workload)
            let last = workloads.count - 1
            if workloads[last].namespace == nil { workloads[last].namespace = defaultNamespace }
            guard !autoscalers.isEmpty else { continue }
            let namespace = RenderedResource.effectiveNamespace(workloads[last].namespace)
            workloads[last].autoscaler = autoscalers.first {
                $0.targetKind == workloads[last].kind && $0.targetName == workloads[last].name
                    && RenderedResource.effectiveNamespace($0.namespace) == namespace
            }
        }
        return (workloads, autoscalers)
    }

    /// The workload of a rendered resource, or nil for any other kind.
    static func workload(from resource: RenderedResource) -> Workload? {
        guard case .workload(let body) = resource.body else { return nil }
        var containers: [ContainerSpec] = []
        containers.reserveCapacity(body.initContainers.count + body.containers.count)
        for section in ["initContainers", "containers"] {
            let sectionPath = body.shape.sectionPath(section)
            let list = body[section]
            for index in list.indices {
                let name = list[index].name
                var count = 0
                for other in list.indices where list[other].name == name { count += 1 }
                let role: ContainerSpec.Role =
                    section == "containers"
                    ? .main : list[index].restartPolicy == "Always" ? .sidecar : .initContainer
                containers.append(
                    container(
                        list[index], role: role,
                        path: sectionPath.appending(
                            count == 1 ? .match(key: "name", value: name) : .index(index))))
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
