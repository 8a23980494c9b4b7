import Kubernetes
import YAMLSyntax

/// Resolves places in documents that name their workload: plain manifests and Kustomize
/// strategic-merge patches (`kind` and `metadata.name` at the top, containers by `name`).
///
/// A place resolves only when it is exactly `<pod spec>.<containers|initContainers>[N]
/// .resources.<requests|limits>.<cpu|memory>` of a workload kind Steward knows, and item `N`
/// has the same `name` before and after the change.
public struct ManifestFieldResolver: FieldResolver {
    public init() {}

    public func resolve(_ location: DocumentLocation, cluster: String) -> ResolvedField? {
        guard let document = location.before ?? location.after,
            let kind = document["kind"]?.scalarText, let podSpec = ManifestScanner.podSpecPaths[kind],
            let name = document["metadata"]?["name"]?.scalarText, podSpec.isPrefix(of: location.path)
        else { return nil }
        let rest = Array(location.path.components.dropFirst(podSpec.components.count))
        guard rest.count == 5, case .key(let list) = rest[0], FieldPattern.containerLists.contains(list),
            case .index(let index) = rest[1], rest[2] == .key("resources"),
            rest[3] == .key("requests") || rest[3] == .key("limits"),
            rest[4] == .key("cpu") || rest[4] == .key("memory")
        else { return nil }
        let listPath = podSpec.appending(.key(list))
        let names = [location.before, location.after].compactMap { value in
            value.flatMap { Self.value(at: listPath, in: $0) }.flatMap { Self.containerName($0, index) }
        }
        guard let container = names.first, names.allSatisfy({ $0 == container }) else { return nil }
        let metadata = document["metadata"]
        let subject = PolicySubject(
            workload: WorkloadReference(
                cluster: cluster, namespace: metadata?["namespace"]?.scalarText ?? "default", kind: kind,
                name: name),
            labels: Self.strings(metadata?["labels"]), annotations: Self.strings(metadata?["annotations"]))
        let path = YAMLPath(
            listPath.components + [.match(key: "name", value: container)] + Array(rest[2...]))
        return ResolvedField(subject: subject, container: container, path: path)
    }

    private static func value(at path: YAMLPath, in value: YAMLValue) -> YAMLValue? {
        var current = value
        for component in path.components {
            guard case .key(let key) = component, let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    private static func containerName(_ list: YAMLValue, _ index: Int) -> String? {
        guard case .sequence(let items) = list, items.indices.contains(index) else { return nil }
        return items[index]["name"]?.scalarText
    }

    private static func strings(_ value: YAMLValue?) -> [String: String] {
        guard case .mapping(let pairs)? = value else { return [:] }
        var result: [String: String] = [:]
        for pair in pairs {
            if let key = pair.key.scalarText, let text = pair.value.scalarText {
                result[key] = text
            }
        }
        return result
    }
}
