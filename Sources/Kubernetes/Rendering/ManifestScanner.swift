import YAMLSyntax

/// Reads workloads, autoscalers and the identity of every other resource from parsed manifests.
public enum ManifestScanner {
    /// Where the pod spec lives for each workload kind Steward knows.
    public static let podSpecPaths: [String: YAMLPath] = PodSpecShape.byKind.mapValues(\.path)

    /// `<section>.<resource>` of each field, e.g. `requests.cpu`, by the field's position.
    static let fieldComponents: [[YAMLPath.Component]] = ResourceField.allCases.map {
        [.key($0.section), .key($0.resource)]
    }

    /// The workloads of every document of `file` as written, without any target's transformers;
    /// `relativePath` names the file in results.
    public static func workloads(in file: YAMLFile, relativePath: String) -> [Workload] {
        file.documents.compactMap { document in
            let context = DocumentContext(file: relativePath, document: document.index)
            guard let resource = resource(in: document, context: context) else { return nil }
            return WorkloadAssembler.workload(from: resource)
        }
    }

    /// The resource a document declares, or nil when it has no `kind` or `metadata.name`.
    static func resource(in document: YAMLDocument, context: DocumentContext) -> RenderedResource? {
        guard let root = document.root, root.kind == .mapping, let kind = root["kind"]?.scalar,
            let name = root["metadata"]?["name"]?.scalar, !name.isEmpty
        else { return nil }
        let metadata = root["metadata"]
        let body: RenderedResource.Body
        if let shape = PodSpecShape.byKind[kind] {
            body = .workload(workloadBody(root: root, shape: shape, context: context))
        } else if kind == "HorizontalPodAutoscaler", let spec = root["spec"] {
            body = .autoscaler(autoscaler(spec))
        } else {
            body = .other
        }
        var resource = RenderedResource(
            apiVersion: root["apiVersion"]?.scalar ?? "", kind: kind, name: name,
            namespace: metadata?["namespace"]?.scalar.flatMap { $0.isEmpty ? nil : $0 },
            origin: context.origin, body: body)
        resource.labels = stringMap(metadata?["labels"])
        resource.annotations = stringMap(metadata?["annotations"])
        return resource
    }

    private static func workloadBody(
        root: YAMLNode, shape: PodSpecShape, context: DocumentContext
    ) -> WorkloadBody {
        let spec = root["spec"]
        var podSpec: YAMLNode? = spec
        for key in shape.keys.dropFirst() { podSpec = podSpec?[key] }
        var body = WorkloadBody(
            shape: shape, replicas: spec?["replicas"]?.scalar.flatMap { Int($0) }, containers: [],
            initContainers: [])
        for section in ["initContainers", "containers"] {
            body[section] = containers(
                in: podSpec?[section], at: shape.sectionPath(section), context: context)
        }
        return body
    }

    /// The named containers of a sequence node, each with its item's path (`[name=x]` when the
    /// name is unique, else `[i]`).
    static func containers(
        in sequence: YAMLNode?, at path: YAMLPath, context: DocumentContext
    ) -> [RenderedContainer] {
        let items = sequence?.items ?? []
        let names = items.map { $0["name"]?.scalar }
        var result: [RenderedContainer] = []
        for (index, item) in items.enumerated() {
            guard let name = names[index], !name.isEmpty else { continue }
            let unique = names.filter { $0 == name }.count == 1
            let itemPath = path.appending(unique ? .match(key: "name", value: name) : .index(index))
            result.append(container(item, name: name, at: itemPath, context: context))
        }
        return result
    }

    /// One container item: name, image, restart policy and its resource fields.
    static func container(
        _ item: YAMLNode, name: String, at path: YAMLPath, context: DocumentContext
    ) -> RenderedContainer {
        var container = RenderedContainer(
            name: name, image: item["image"]?.scalar, restartPolicy: item["restartPolicy"]?.scalar,
            source: .manifest(context.location(path, item)))
        if let resources = item["resources"] {
            container.fields = fields(of: resources, at: path.appending(.key("resources")), context: context)
        }
        return container
    }

    /// The resource fields a `resources` mapping sets, with their locations.
    static func fields(
        of resources: YAMLNode, at path: YAMLPath, context: DocumentContext
    ) -> ContainerFields {
        var fields = ContainerFields()
        for section in ["requests", "limits"] {
            guard let sectionNode = resources[section] else { continue }
            for field in ResourceField.allCases where field.section == section {
                guard let node = sectionNode[field.resource], node.kind == .scalar, !node.isNull,
                    let text = node.scalar
                else { continue }
                let fieldPath = path.appending(contentsOf: Self.fieldComponents[field.ordinal])
                fields.set(field, to: RenderedValue(text: text, location: context.location(fieldPath, node)))
            }
        }
        return fields
    }

    private static func autoscaler(_ spec: YAMLNode) -> AutoscalerBody {
        var utilization: [String: Int] = [:]
        if let percent = spec["targetCPUUtilizationPercentage"]?.scalar.flatMap({ Int($0) }) {
            utilization["cpu"] = percent
        }
        for metric in spec["metrics"]?.items ?? [] where metric["type"]?.scalar == "Resource" {
            guard let resource = metric["resource"], let name = resource["name"]?.scalar else { continue }
            let percent =
                resource["target"]?["averageUtilization"]?.scalar
                ?? resource["targetAverageUtilization"]?.scalar
            if let percent = percent.flatMap({ Int($0) }) {
                utilization[name] = percent
            }
        }
        return AutoscalerBody(
            targetKind: spec["scaleTargetRef"]?["kind"]?.scalar ?? "",
            targetName: spec["scaleTargetRef"]?["name"]?.scalar ?? "",
            minReplicas: spec["minReplicas"]?.scalar.flatMap { Int($0) },
            maxReplicas: spec["maxReplicas"]?.scalar.flatMap { Int($0) }, utilization: utilization)
    }

    static func stringMap(_ node: YAMLNode?) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in node?.entries ?? [] {
            if let key = key.scalar, let value = value.scalar {
                map[key] = value
            }
        }
        return map
    }
}
