import YAMLSyntax

/// Finds workloads and their containers in parsed manifest files.
public enum ManifestScanner {
    /// Where the pod spec lives for each workload kind Steward knows.
    public static let podSpecPaths: [String: YAMLPath] = {
        let template = YAMLPath([.key("spec"), .key("template"), .key("spec")])
        let cronJob = YAMLPath([
            .key("spec"), .key("jobTemplate"), .key("spec"), .key("template"), .key("spec"),
        ])
        return [
            "Deployment": template, "StatefulSet": template, "DaemonSet": template, "Job": template,
            "ReplicaSet": template, "Rollout": template, "CronJob": cronJob,
        ]
    }()

    /// The workloads of every document of `file`; `relativePath` names the file in results.
    public static func workloads(in file: YAMLFile, relativePath: String) -> [Workload] {
        file.documents.compactMap { document in
            workload(in: document, file: relativePath)
        }
    }

    private static func workload(in document: YAMLDocument, file: String) -> Workload? {
        guard let root = document.root, let kind = root["kind"]?.scalar,
            let podSpecPath = podSpecPaths[kind],
            let name = root["metadata"]?["name"]?.scalar,
            let podSpec = document.node(at: podSpecPath)
        else { return nil }
        let metadata = root["metadata"]
        var containers: [ContainerSpec] = []
        for (section, role) in [("initContainers", ContainerSpec.Role.initContainer), ("containers", .main)] {
            for item in podSpec[section]?.items ?? [] {
                guard let containerName = item["name"]?.scalar else { continue }
                let sidecar = role == .initContainer && item["restartPolicy"]?.scalar == "Always"
                let (resources, invalid) = resources(of: item)
                containers.append(
                    ContainerSpec(
                        name: containerName,
                        role: sidecar ? .sidecar : role,
                        resources: resources,
                        invalidFields: invalid,
                        path: podSpecPath.appending(.key(section))
                            .appending(.match(key: "name", value: containerName))
                    ))
            }
        }
        return Workload(
            kind: kind, name: name, namespace: metadata?["namespace"]?.scalar, file: file,
            document: document.index, containers: containers,
            labels: stringMap(metadata?["labels"]), annotations: stringMap(metadata?["annotations"]))
    }

    private static func resources(
        of container: YAMLNode
    ) -> (ResourceRequirements, [ResourceField: InvalidQuantity]) {
        var requirements = ResourceRequirements()
        var invalid: [ResourceField: InvalidQuantity] = [:]
        for field in ResourceField.allCases {
            guard let node = container["resources"]?[field.section]?[field.resource],
                let text = node.scalar
            else { continue }
            if let quantity = Quantity(text) {
                requirements[field] = quantity
            } else {
                invalid[field] = InvalidQuantity(text: text, line: node.start.line, column: node.start.column)
            }
        }
        return (requirements, invalid)
    }

    private static func stringMap(_ node: YAMLNode?) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in node?.entries ?? [] {
            if let key = key.scalar, let value = value.scalar {
                map[key] = value
            }
        }
        return map
    }
}
