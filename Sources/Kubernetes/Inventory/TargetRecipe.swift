import YAMLSyntax

/// How a target renders, kept so that it can render again after an edit.
struct TargetRecipe: Sendable {
    var sources: [Source]
    /// The namespace resources without one go to.
    var defaultNamespace: String?
    /// The documents declaring the target.
    var definedIn: [DocumentKey]

    enum Source: Sendable {
        /// A folder with a kustomization file.
        case kustomize(directory: String, overrides: KustomizeOverrides)
        /// A folder without one, built as Flux generates it.
        case generated(directory: String, overrides: KustomizeOverrides)
        /// Plain manifests (Argo CD's directory source, a folder found without a tool).
        case plain(directory: String, recursive: Bool)
        /// A chart in the repository.
        case helm(HelmRecipe)
    }
}

/// A Helm release, with its values layers named by location so they resolve again after an edit.
struct HelmRecipe: Sendable {
    var chart: String
    var release: String
    var namespace: String
    /// Layers above the chart's defaults, lowest precedence first.
    var layers: [HelmValuesLayer]
    var includeChartDefaults: Bool

    /// The release's spec against `snapshot`; a layer that cannot be read is a problem.
    func spec(in snapshot: RepositorySnapshot, definedIn: [DocumentKey]) -> (
        HelmReleaseSpec, [InventoryProblem]
    ) {
        var problems: [InventoryProblem] = []
        var resolved: [HelmValues.Layer] = []
        for layer in layers {
            guard let file = snapshot.files[layer.root.file],
                layer.root.document < file.documents.count
            else {
                problems += snapshot.parseProblem(layer.root.file, target: nil).map { [$0] } ?? []
                continue
            }
            let document = file.documents[layer.root.document]
            let node = document.node(at: layer.root.path)
            let context = DocumentContext(file: layer.root.file, document: layer.root.document)
            switch layer.kind {
            case .parameters:
                var parameters: [(name: String, node: YAMLNode, path: YAMLPath)] = []
                for (index, item) in (node?.items ?? []).enumerated() {
                    guard let name = item["name"]?.scalar, let value = item["value"] else { continue }
                    parameters.append(
                        (name, value, layer.root.path.appending(.index(index)).appending(.key("value"))))
                }
                resolved.append(
                    HelmValues.Layer(meta: layer, node: nil, context: context, parameters: parameters))
            case .inlineString:
                guard let node, let text = node.scalar else { continue }
                let values: YAMLFile
                do {
                    values = try YAMLFile(
                        bytes: Array(text.utf8), path: "\(layer.root.file) (\(layer.root.path))")
                } catch {
                    problems.append(
                        InventoryProblem(
                            file: layer.root.file, line: node.start.line, column: node.start.column,
                            message: "the inline values do not parse: \(error.message)"))
                    continue
                }
                let embedding = DocumentContext.Embedding(
                    location: layer.root, line: node.start.line, column: node.start.column,
                    reason: layer.readOnlyReason ?? "inside a string")
                resolved.append(
                    HelmValues.Layer(
                        meta: layer, node: values.documents.first?.root,
                        context: DocumentContext(
                            file: layer.root.file, document: layer.root.document, embedded: embedding)))
            default:
                resolved.append(HelmValues.Layer(meta: layer, node: node, context: context))
            }
        }
        let spec = HelmReleaseSpec(
            chart: chart, release: release, namespace: namespace, layers: resolved,
            includeChartDefaults: includeChartDefaults, definedIn: definedIn)
        return (spec, problems)
    }
}
