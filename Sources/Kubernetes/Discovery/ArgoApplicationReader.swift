import YAMLSyntax

/// Reads an Argo CD Application (or an ApplicationSet's template, with a generator's parameters)
/// into a target: its sources in the repository, value files, Kustomize options and destination.
struct ArgoApplicationReader {
    let snapshot: RepositorySnapshot
    let options: InventoryOptions

    /// The target of the Application whose root node is `root`, found at `base` in its file.
    func target(
        root: YAMLNode, base: SourceLocation, parameters: TemplateParameters?, kind: DeploymentTarget.Kind
    ) -> Result<DiscoveredTarget, InventoryProblem> {
        var reader = Substituting(parameters: parameters, file: base.file)
        guard let name = reader.text(root["metadata"]?["name"]), !name.isEmpty else {
            return .failure(
                reader.failure
                    ?? InventoryProblem(
                        file: base.file, line: root.start.line, column: root.start.column,
                        message: "the Application has no metadata.name"))
        }
        let spec = root["spec"]
        let destination = spec?["destination"]
        let namespace = reader.text(destination?["namespace"]).flatMap { $0.isEmpty ? nil : $0 }
        var target = DiscoveredTarget(
            name: name, kind: kind, definedIn: SourceLocation(file: base.file, document: base.document),
            paths: [],
            cluster: cluster(
                name: reader.text(destination?["name"]), server: reader.text(destination?["server"])),
            namespace: namespace,
            recipe: TargetRecipe(
                sources: [], defaultNamespace: namespace,
                definedIn: [DocumentKey(file: base.file, document: base.document)]))
        var sources: [(node: YAMLNode, path: YAMLPath)] = []
        if let list = spec?["sources"] {
            for (index, item) in list.items.enumerated() {
                sources.append(
                    (item, YAMLPath(base.path.components + [.key("spec"), .key("sources"), .index(index)])))
            }
        } else if let source = spec?["source"] {
            sources.append((source, YAMLPath(base.path.components + [.key("spec"), .key("source")])))
        }
        // `ref` sources name the roots that `$ref/…` value files start from.
        var references: [String: String] = [:]
        for (source, _) in sources {
            if let ref = reader.text(source["ref"]), options.isThisRepository(reader.text(source["repoURL"]))
            {
                references[ref] = ""
            }
        }
        for (source, path) in sources {
            read(
                source, at: path, base: base, application: name, reader: &reader, references: references,
                into: &target)
        }
        if let failure = reader.failure { return .failure(failure) }
        if target.recipe.sources.isEmpty && target.problems.isEmpty {
            target.problems.append(
                problem(base.file, root, "the Application has no source in this repository", blocks: false))
        }
        return .success(target)
    }

    private func read(
        _ source: YAMLNode, at sourcePath: YAMLPath, base: SourceLocation, application: String,
        reader: inout Substituting, references: [String: String], into target: inout DiscoveredTarget
    ) {
        let file = base.file
        let repoURL = reader.text(source["repoURL"])
        if let chart = reader.text(source["chart"]) {
            target.problems.append(
                problem(
                    file, source["chart"]!,
                    "chart '\(chart)' comes from a Helm repository; Steward maps only charts in this repository"
                ))
            return
        }
        guard let rawPath = reader.text(source["path"]) else { return }
        guard options.isThisRepository(repoURL) else {
            target.problems.append(
                problem(
                    file, source["repoURL"] ?? source, "source from \(repoURL ?? "?") is another repository",
                    blocks: false))
            return
        }
        guard let directory = RepositoryPath.join("", rawPath), snapshot.isDirectory(directory) else {
            target.problems.append(
                problem(file, source["path"]!, "path '\(rawPath)' does not exist in the repository"))
            return
        }
        target.paths.append(directory)
        let isChart = snapshot.charts.contains(directory)
        let kustomization = snapshot.kustomizationFile(in: directory)
        if source["helm"] != nil || isChart {
            guard isChart else {
                target.problems.append(problem(file, source["path"]!, "no Chart.yaml in '\(rawPath)'"))
                return
            }
            helm(
                source, at: sourcePath, directory: directory, file: base, application: application,
                reader: &reader, references: references, into: &target)
        } else if source["kustomize"] != nil || kustomization != nil {
            guard let kustomization else {
                target.problems.append(
                    problem(file, source["path"]!, "no kustomization.yaml in '\(rawPath)'"))
                return
            }
            let overrides = kustomizeOverrides(
                source["kustomize"], at: sourcePath, file: base, reader: &reader)
            target.recipe.sources.append(.kustomize(directory: directory, overrides: overrides))
            if target.kustomizationFile == nil { target.kustomizationFile = kustomization }
        } else {
            let directoryOptions = source["directory"]
            for key in ["include", "exclude", "jsonnet"] where directoryOptions?[key] != nil {
                target.problems.append(
                    problem(file, directoryOptions![key]!, "`directory.\(key)` is not supported"))
            }
            let recurse = reader.text(directoryOptions?["recurse"]) == "true"
            target.recipe.sources.append(.plain(directory: directory, recursive: recurse))
        }
    }

    private func helm(
        _ source: YAMLNode, at sourcePath: YAMLPath, directory: String, file base: SourceLocation,
        application: String, reader: inout Substituting, references: [String: String],
        into target: inout DiscoveredTarget
    ) {
        let helm = source["helm"]
        let helmPath = sourcePath.appending(.key("helm"))
        let ignoreMissing = reader.text(helm?["ignoreMissingValueFiles"]) == "true"
        var layers: [HelmValuesLayer] = []
        for item in helm?["valueFiles"]?.items ?? [] {
            guard let text = reader.text(item) else { continue }
            var resolved: String?
            if text.hasPrefix("$") {
                let reference = String(text.dropFirst().prefix { $0 != "/" })
                let rest = String(text.dropFirst(reference.count + 1))
                resolved = references[reference].flatMap { RepositoryPath.join($0, rest) }
            } else {
                resolved = RepositoryPath.join(directory, text)
            }
            guard let path = resolved, snapshot.isFile(path) else {
                if !ignoreMissing {
                    target.problems.append(problem(base.file, item, "values file '\(text)' does not exist"))
                }
                continue
            }
            layers.append(HelmValuesLayer(kind: .file, root: SourceLocation(file: path, document: 0)))
        }
        if let values = helm?["values"] {
            let root = SourceLocation(
                file: base.file, document: base.document, path: helmPath.appending(.key("values")))
            layers.append(
                values.kind == .mapping
                    ? HelmValuesLayer(kind: .inline, root: root)
                    : HelmValuesLayer(
                        kind: .inlineString, root: root,
                        readOnlyReason: "inside the helm.values string at \(base.file):\(values.start.line)"))
        }
        if helm?["valuesObject"] != nil {
            layers.append(
                HelmValuesLayer(
                    kind: .inline,
                    root: SourceLocation(
                        file: base.file, document: base.document,
                        path: helmPath.appending(.key("valuesObject")))))
        }
        if helm?["parameters"] != nil {
            layers.append(
                HelmValuesLayer(
                    kind: .parameters,
                    root: SourceLocation(
                        file: base.file, document: base.document, path: helmPath.appending(.key("parameters"))
                    )))
        }
        let release = reader.text(helm?["releaseName"]) ?? application
        target.recipe.sources.append(
            .helm(
                HelmRecipe(
                    chart: directory, release: release, namespace: target.namespace ?? "default",
                    layers: layers,
                    includeChartDefaults: true)))
    }

    private func kustomizeOverrides(
        _ node: YAMLNode?, at sourcePath: YAMLPath, file base: SourceLocation, reader: inout Substituting
    ) -> KustomizeOverrides {
        var overrides = KustomizeOverrides()
        guard let node else { return overrides }
        overrides.namePrefix = reader.text(node["namePrefix"])
        overrides.nameSuffix = reader.text(node["nameSuffix"])
        overrides.namespace = reader.text(node["namespace"])
        overrides.images = (node["images"]?.items ?? []).compactMap { reader.text($0) }.map(
            ImageReference.argoOverride)
        overrides.replicas = (node["replicas"]?.items ?? []).compactMap { item in
            guard let name = reader.text(item["name"]),
                let count = reader.text(item["count"]).flatMap({ Int($0) })
            else { return nil }
            return Kustomization.ReplicaEntry(name: name, count: count)
        }
        overrides.components = (node["components"]?.items ?? []).compactMap { item in
            reader.text(item).map {
                Kustomization.Entry(text: $0, line: item.start.line, column: item.start.column)
            }
        }
        for (index, item) in (node["patches"]?.items ?? []).enumerated() {
            let target = item["target"].map(PatchTarget.init)
            let itemPath = sourcePath.appending(.key("kustomize")).appending(.key("patches")).appending(
                .index(index))
            if let patch = item["patch"], let text = reader.text(patch) {
                overrides.patches.append(
                    Kustomization.PatchEntry(
                        declaredIn: base.file, file: nil, inline: text,
                        inlineLocation: SourceLocation(
                            file: base.file, document: base.document, path: itemPath.appending(.key("patch"))),
                        target: target, line: patch.start.line, column: patch.start.column))
            } else if let path = reader.text(item["path"]) {
                overrides.patches.append(
                    Kustomization.PatchEntry(
                        declaredIn: base.file, file: path, inline: nil, inlineLocation: nil, target: target,
                        line: item.start.line, column: item.start.column))
            }
        }
        return overrides
    }

    /// The profiles' cluster for an Argo CD destination.
    func cluster(name: String?, server: String?) -> String? {
        if let name, !name.isEmpty {
            return options.clusters[name] ?? (name == "in-cluster" ? nil : name)
        }
        if let server, !server.isEmpty {
            return options.clusters[server] ?? (server == "https://kubernetes.default.svc" ? nil : server)
        }
        return nil
    }

    private func problem(_ file: String, _ node: YAMLNode, _ message: String, blocks: Bool = true)
        -> InventoryProblem
    {
        InventoryProblem(
            file: file, line: node.start.line, column: node.start.column, message: message,
            blocksWrites: blocks)
    }
}

/// Reads scalars of an ApplicationSet template with the generator's parameters substituted,
/// remembering the first placeholder it could not fill.
struct Substituting {
    var parameters: TemplateParameters?
    var file: String
    var failure: InventoryProblem?

    mutating func text(_ node: YAMLNode?) -> String? {
        guard let node, node.kind == .scalar, let text = node.scalar else { return nil }
        guard let parameters else { return text }
        if let substituted = parameters.substitute(text) { return substituted }
        if failure == nil {
            failure = InventoryProblem(
                file: file, line: node.start.line, column: node.start.column,
                message: "cannot fill the template parameters of '\(text)'")
        }
        return nil
    }
}
