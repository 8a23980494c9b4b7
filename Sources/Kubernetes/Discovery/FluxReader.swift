import YAMLSyntax

/// Reads Flux objects: a `Kustomization` (kustomize.toolkit.fluxcd.io) deploys a folder of the
/// repository; a `HelmRelease` deploys a chart of the repository with values.
struct FluxReader {
    let snapshot: RepositorySnapshot
    let options: InventoryOptions

    func kustomization(_ root: YAMLNode, file: String, document: Int) -> DiscoveredTarget {
        let metadata = root["metadata"]
        let namespace = metadata?["namespace"]?.scalar ?? "flux-system"
        let name = "\(namespace)/\(metadata?["name"]?.scalar ?? "?")"
        let spec = root["spec"]
        let targetNamespace = spec?["targetNamespace"]?.scalar
        var target = DiscoveredTarget(
            name: name, kind: .fluxKustomization, definedIn: SourceLocation(file: file, document: document),
            paths: [], cluster: nil, namespace: targetNamespace,
            recipe: TargetRecipe(
                sources: [], defaultNamespace: targetNamespace,
                definedIn: [DocumentKey(file: file, document: document)]))
        if let source = spec?["sourceRef"], let kind = source["kind"]?.scalar, kind != "GitRepository" {
            target.problems.append(
                .problem(in: file, at: source, "a \(kind) source is not this repository", blocks: false))
            return target
        }
        let rawPath = spec?["path"]?.scalar ?? "./"
        guard let directory = RepositoryPath.join("", rawPath), snapshot.isDirectory(directory) else {
            target.problems.append(
                .problem(
                    in: file, at: spec?["path"] ?? root, "path '\(rawPath)' does not exist in the repository")
            )
            return target
        }
        target.paths = [directory]
        var overrides = KustomizeOverrides()
        overrides.namespace = targetNamespace
        overrides.images = (spec?["images"]?.items ?? []).compactMap { item in
            guard let imageName = item["name"]?.scalar else { return nil }
            return Kustomization.ImageEntry(
                name: imageName, newName: item["newName"]?.scalar, newTag: item["newTag"]?.scalar,
                digest: item["digest"]?.scalar)
        }
        for (index, item) in (spec?["patches"]?.items ?? []).enumerated() {
            guard let patch = item["patch"], let text = patch.scalar else { continue }
            overrides.patches.append(
                Kustomization.PatchEntry(
                    declaredIn: file, file: nil, inline: text,
                    inlineLocation: SourceLocation(
                        file: file, document: document,
                        path: YAMLPath([.key("spec"), .key("patches"), .index(index), .key("patch")])),
                    target: item["target"].map(PatchTarget.init), line: patch.start.line,
                    column: patch.start.column))
        }
        overrides.components = (spec?["components"]?.items ?? []).compactMap { item in
            item.scalar.map {
                Kustomization.Entry(text: $0, line: item.start.line, column: item.start.column)
            }
        }
        if let kustomization = snapshot.kustomizationFile(in: directory) {
            target.kustomizationFile = kustomization
            target.recipe.sources = [.kustomize(directory: directory, overrides: overrides)]
        } else {
            target.recipe.sources = [.generated(directory: directory, overrides: overrides)]
        }
        return target
    }

    func helmRelease(_ root: YAMLNode, file: String, document: Int) -> DiscoveredTarget {
        let metadata = root["metadata"]
        let objectNamespace = metadata?["namespace"]?.scalar ?? "default"
        let objectName = metadata?["name"]?.scalar ?? "?"
        let spec = root["spec"]
        let targetNamespace = spec?["targetNamespace"]?.scalar
        let namespace = targetNamespace ?? objectNamespace
        var target = DiscoveredTarget(
            name: "\(objectNamespace)/\(objectName)", kind: .helmRelease,
            definedIn: SourceLocation(file: file, document: document), paths: [], cluster: nil,
            namespace: namespace,
            recipe: TargetRecipe(
                sources: [], defaultNamespace: namespace,
                definedIn: [DocumentKey(file: file, document: document)]))
        guard let chartSpec = spec?["chart"]?["spec"], let chartNode = chartSpec["chart"],
            let chartText = chartNode.scalar
        else {
            target.problems.append(
                .problem(
                    in: file, at: spec?["chartRef"] ?? root, "the chart is not a chart of this repository",
                    blocks: false))
            return target
        }
        if let source = chartSpec["sourceRef"], let kind = source["kind"]?.scalar, kind != "GitRepository" {
            target.problems.append(
                .problem(
                    in: file, at: source,
                    "chart '\(chartText)' comes from a \(kind); Steward maps only charts in this repository",
                    blocks: false))
            return target
        }
        guard let chart = RepositoryPath.join("", chartText), snapshot.charts.contains(chart) else {
            target.problems.append(
                .problem(in: file, at: chartNode, "chart '\(chartText)' does not exist in the repository"))
            return target
        }
        target.paths = [chart]
        var layers: [HelmValuesLayer] = []
        let valuesFiles = chartSpec["valuesFiles"]?.items ?? []
        for item in valuesFiles {
            guard let text = item.scalar else { continue }
            guard let path = RepositoryPath.join("", text), snapshot.isFile(path) else {
                target.problems.append(.problem(in: file, at: item, "values file '\(text)' does not exist"))
                continue
            }
            let kind: HelmValuesLayer.Kind = path == "\(chart)/values.yaml" ? .chartDefaults : .file
            layers.append(HelmValuesLayer(kind: kind, root: SourceLocation(file: path, document: 0)))
        }
        for item in spec?["valuesFrom"]?.items ?? [] {
            if let layer = valuesFrom(
                item, namespace: objectNamespace, file: file, releaseFile: file, into: &target)
            {
                layers.append(layer)
            }
        }
        if spec?["values"] != nil {
            layers.append(
                HelmValuesLayer(
                    kind: .inline,
                    root: SourceLocation(
                        file: file, document: document, path: YAMLPath([.key("spec"), .key("values")]))))
        }
        let release =
            spec?["releaseName"]?.scalar ?? (targetNamespace.map { "\($0)-\(objectName)" } ?? objectName)
        target.recipe.sources = [
            .helm(
                HelmRecipe(
                    chart: chart, release: release, namespace: namespace, layers: layers,
                    includeChartDefaults: valuesFiles.isEmpty))
        ]
        return target
    }

    /// A `valuesFrom` ConfigMap made in the repository: by a kustomize `configMapGenerator` from a
    /// values file (editable), or a ConfigMap manifest holding the values in a string.
    private func valuesFrom(
        _ item: YAMLNode, namespace: String, file: String, releaseFile: String,
        into target: inout DiscoveredTarget
    ) -> HelmValuesLayer? {
        guard let kind = item["kind"]?.scalar, let name = item["name"]?.scalar else { return nil }
        let key = item["valuesKey"]?.scalar ?? "values.yaml"
        let optional = item["optional"]?.scalar == "true"
        if item["targetPath"] != nil {
            target.problems.append(.problem(in: file, at: item, "`valuesFrom.targetPath` is not supported"))
            return nil
        }
        guard kind == "ConfigMap" else {
            target.problems.append(
                .problem(
                    in: file, at: item, "values from \(kind) \(name) are not read (secrets stay secret)",
                    blocks: false))
            return nil
        }
        let releaseDirectory = RepositoryPath.directory(of: releaseFile)
        var candidates: [HelmValuesLayer] = []
        for (path, yaml) in snapshot.files
        where RepositorySnapshot.isKustomizationName(RepositoryPath.name(of: path)) {
            let directory = RepositoryPath.directory(of: path)
            for generator in yaml.documents.first?.root?["configMapGenerator"]?.items ?? []
            where generator["name"]?.scalar == name {
                for entry in generator["files"]?.items ?? [] {
                    guard let text = entry.scalar else { continue }
                    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                    guard let valuesFile = parts.last else { continue }
                    let entryKey = parts.count == 2 ? parts[0] : RepositoryPath.name(of: valuesFile)
                    guard entryKey == key, let valuesPath = RepositoryPath.join(directory, valuesFile),
                        snapshot.isFile(valuesPath)
                    else { continue }
                    candidates.append(
                        HelmValuesLayer(kind: .file, root: SourceLocation(file: valuesPath, document: 0)))
                }
            }
        }
        for (path, yaml) in snapshot.files {
            for document in yaml.documents {
                guard let root = document.root, root["kind"]?.scalar == "ConfigMap",
                    root["metadata"]?["name"]?.scalar == name, let data = root["data"]?[key],
                    data.scalar != nil
                else { continue }
                candidates.append(
                    HelmValuesLayer(
                        kind: .inlineString,
                        root: SourceLocation(
                            file: path, document: document.index, path: YAMLPath([.key("data"), .key(key)])),
                        readOnlyReason:
                            "inside the \(key) string of ConfigMap \(name) at \(path):\(data.start.line)"))
            }
        }
        if candidates.count > 1 {
            let near = candidates.filter { RepositoryPath.isInside($0.root.file, releaseDirectory) }
            if near.count == 1 { return near[0] }
            target.problems.append(
                .problem(
                    in: file, at: item,
                    "ConfigMap \(name) is made in several places: "
                        + candidates.map(\.root.file).sorted().joined(separator: ", ")))
            return nil
        }
        guard let layer = candidates.first else {
            if !optional {
                target.problems.append(
                    .problem(in: file, at: item, "ConfigMap \(name) for the values is not in the repository"))
            }
            return nil
        }
        return layer
    }
}
