import YAMLSyntax

/// Applies a strategic-merge patch to the parts of a resource Steward reads: replicas, the
/// containers (merged by name, with `$patch: replace` and `$patch: delete`), their images and
/// resources, and an autoscaler's replica bounds.
enum StrategicMergePatch {
    /// What applying a patch did to the resource.
    enum Outcome {
        case patched
        /// `$patch: delete` at the top: the resource is removed.
        case deleted
    }

    static func apply(
        _ patch: YAMLNode, context: DocumentContext, to resource: inout RenderedResource
    ) -> Outcome {
        if patch["$patch"]?.scalar == "delete" { return .deleted }
        switch resource.body {
        case .workload(var body):
            let spec = patch["spec"]
            if let replicas = spec?["replicas"] {
                body.replicas = replicas.scalar.flatMap { Int($0) }
            }
            var podSpec = spec
            for key in body.shape.keys.dropFirst() { podSpec = podSpec?[key] }
            if let podSpec {
                for section in ["initContainers", "containers"] {
                    guard let list = podSpec[section] else { continue }
                    body[section] = merge(
                        body[section], with: list, at: body.shape.sectionPath(section),
                        context: context)
                }
            }
            resource.body = .workload(body)
        case .autoscaler(var body):
            if let spec = patch["spec"] {
                if let value = spec["minReplicas"] { body.minReplicas = value.scalar.flatMap { Int($0) } }
                if let value = spec["maxReplicas"] { body.maxReplicas = value.scalar.flatMap { Int($0) } }
                if let name = spec["scaleTargetRef"]?["name"]?.scalar { body.targetName = name }
            }
            resource.body = .autoscaler(body)
        case .other:
            break
        }
        return .patched
    }

    /// A container list merged with a patch's list, by the `name` merge key.
    private static func merge(
        _ containers: [RenderedContainer], with list: YAMLNode, at path: YAMLPath, context: DocumentContext
    ) -> [RenderedContainer] {
        if list.kind == .scalar {
            return list.isNull ? [] : containers
        }
        let items = list.items
        if items.contains(where: { $0["$patch"]?.scalar == "replace" }) {
            let kept = items.filter { $0["$patch"] == nil }
            return kept.compactMap { item in
                guard let name = item["name"]?.scalar else { return nil }
                return ManifestScanner.container(
                    item, name: name, at: path.appending(.match(key: "name", value: name)), context: context)
            }
        }
        var result = containers
        for item in items {
            guard let name = item["name"]?.scalar else { continue }
            let itemPath = path.appending(.match(key: "name", value: name))
            if item["$patch"]?.scalar == "delete" {
                result.removeAll { $0.name == name }
            } else if let index = result.firstIndex(where: { $0.name == name }) {
                mergeContainer(&result[index], with: item, at: itemPath, context: context)
            } else {
                result.append(ManifestScanner.container(item, name: name, at: itemPath, context: context))
            }
        }
        return result
    }

    private static func mergeContainer(
        _ container: inout RenderedContainer, with item: YAMLNode, at path: YAMLPath, context: DocumentContext
    ) {
        if let image = item["image"] { container.image = image.isNull ? nil : image.scalar }
        if let policy = item["restartPolicy"] {
            container.restartPolicy = policy.isNull ? nil : policy.scalar
        }
        guard let resources = item["resources"] else { return }
        let resourcesPath = path.appending(.key("resources"))
        guard resources.kind == .mapping else {
            if resources.isNull { container.fields = ContainerFields() }
            return
        }
        if resources["$patch"]?.scalar == "replace" {
            container.fields = ManifestScanner.fields(of: resources, at: resourcesPath, context: context)
            return
        }
        for section in ["requests", "limits"] {
            guard let sectionNode = resources[section] else { continue }
            let sectionFields = ResourceField.allCases.filter { $0.section == section }
            if sectionNode.kind != .mapping || sectionNode["$patch"]?.scalar == "replace" {
                for field in sectionFields { container.fields.remove(field) }
                if sectionNode.kind != .mapping { continue }
            }
            for field in sectionFields {
                guard let node = sectionNode[field.resource] else { continue }
                let fieldPath = resourcesPath.appending(
                    contentsOf: ManifestScanner.fieldComponents[field.ordinal])
                if node.kind == .scalar, !node.isNull, let text = node.scalar {
                    container.fields.set(
                        field,
                        to: RenderedValue(
                            text: text, location: context.location(fieldPath, node)))
                } else {
                    container.fields.remove(field)
                }
            }
        }
    }
}
