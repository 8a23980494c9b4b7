import YAMLSyntax

/// Reads an Argo CD Application (or an ApplicationSet's template, with a generator's parameters)
/// into a target: its sources in the repository, value files, Kustomize options and destination.
struct ArgoApplicationReader {
    let snapshot: RepositorySnapshot
    let options: InventoryOptions

    /// The target of the Application read as `template`, found at `base` in its file.
    func target(
        _ template: ApplicationTemplate, base: SourceLocation, parameters: TemplateParameters?,
        kind: DeploymentTarget.Kind
    ) -> Result<DiscoveredTarget, InventoryProblem> {
        let root = template.root
        var reader = Substituting(parameters: parameters, file: base.file)
        guard let name = reader.text(template.name), !name.isEmpty else {
            return .failure(
                reader.failure
                    ?? InventoryProblem(
                        file: base.file, line: root.start.line, column: root.start.column,
                        message: "the Application has no metadata.name"))
        }
        let namespace = reader.text(template.destinationNamespace).flatMap { $0.isEmpty ? nil : $0 }
        var target = DiscoveredTarget(
            name: name, kind: kind, definedIn: SourceLocation(file: base.file, document: base.document),
            paths: [],
            cluster: cluster(
                name: reader.text(template.destinationName), server: reader.text(template.destinationServer)),
            namespace: namespace,
            recipe: TargetRecipe(
                sources: [], defaultNamespace: namespace,
                definedIn: [DocumentKey(file: base.file, document: base.document)]))
        // `ref` sources name the roots that `$ref/…` value files start from.
        var references: [String: String] = [:]
        let sources = template.sources
        for index in sources.indices {
            if let ref = reader.text(sources[index].ref),
                options.isThisRepository(reader.text(sources[index].repoURL))
            {
                references[ref] = ""
            }
        }
        for index in sources.indices {
            read(
                sources[index], at: base.path.appending(contentsOf: sources[index].location), base: base,
                application: name, reader: &reader, references: references, into: &target)
        }
        target.applicationName = name
        target.applicationNamespace = reader.text(template.namespace).flatMap { $0.isEmpty ? nil : $0 }
        target.applicationProject = reader.text(template.project).flatMap { $0.isEmpty ? nil : $0 }
        if let failure = reader.failure { return .failure(failure) }
        if target.recipe.sources.isEmpty && target.problems.isEmpty {
            target.problems.append(
                .problem(
                    in: base.file, at: root, "the Application has no source in this repository", blocks: false
                ))
        }
        return .success(target)
    }

    private func read(
        _ source: ApplicationTemplate.Source, at sourcePath: YAMLPath, base: SourceLocation,
        application: String, reader: inout Substituting, references: [String: String],
        into target: inout DiscoveredTarget
    ) {
        let file = base.file
        let repoURL = reader.text(source.repoURL)
        if let chartField = source.chart, let chart = reader.text(chartField) {
            target.problems.append(
                .problem(
                    in: file, at: chartField.node,
                    "chart '\(chart)' comes from a Helm repository; Steward maps only charts in this repository"
                ))
            return
        }
        guard let pathField = source.path, let rawPath = reader.text(pathField) else { return }
        guard options.isThisRepository(repoURL) else {
            target.problems.append(
                .problem(
                    in: file, at: source.repoURL?.node ?? source.node,
                    "source from \(repoURL ?? "?") is another repository", blocks: false))
            return
        }
        let pathNode = pathField.node
        guard let directory = RepositoryPath.join("", rawPath), snapshot.isDirectory(directory) else {
            target.problems.append(
                .problem(in: file, at: pathNode, "path '\(rawPath)' does not exist in the repository"))
            return
        }
        target.paths.append(directory)
        let isChart = snapshot.charts.contains(directory)
        let kustomization = snapshot.kustomizationFile(in: directory)
        if source.helm != nil || isChart {
            guard isChart else {
                target.problems.append(.problem(in: file, at: pathNode, "no Chart.yaml in '\(rawPath)'"))
                return
            }
            helm(
                source.helm, at: sourcePath, directory: directory, file: base, application: application,
                reader: &reader, references: references, into: &target)
        } else if source.kustomize != nil || kustomization != nil {
            guard let kustomization else {
                target.problems.append(
                    .problem(in: file, at: pathNode, "no kustomization.yaml in '\(rawPath)'"))
                return
            }
            let overrides = kustomizeOverrides(source.kustomize, at: sourcePath, file: base, reader: &reader)
            target.recipe.sources.append(.kustomize(directory: directory, overrides: overrides))
            if target.kustomizationFile == nil { target.kustomizationFile = kustomization }
        } else {
            for (key, node) in source.directory?.unsupported ?? [] {
                target.problems.append(.problem(in: file, at: node, "`directory.\(key)` is not supported"))
            }
            let recurse = reader.text(source.directory?.recurse) == "true"
            target.recipe.sources.append(.plain(directory: directory, recursive: recurse))
        }
    }

    private func helm(
        _ helm: ApplicationTemplate.Helm?, at sourcePath: YAMLPath, directory: String,
        file base: SourceLocation, application: String, reader: inout Substituting,
        references: [String: String], into target: inout DiscoveredTarget
    ) {
        let helmPath = sourcePath.appending(.key("helm"))
        let ignoreMissing = reader.text(helm?.ignoreMissingValueFiles) == "true"
        var layers: [HelmValuesLayer] = []
        for item in helm?.valueFiles ?? [] {
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
                    target.problems.append(
                        .problem(in: base.file, at: item.node, "values file '\(text)' does not exist"))
                }
                continue
            }
            layers.append(HelmValuesLayer(kind: .file, root: SourceLocation(file: path, document: 0)))
        }
        if let values = helm?.values {
            let root = SourceLocation(
                file: base.file, document: base.document, path: helmPath.appending(.key("values")))
            layers.append(
                values.isMapping
                    ? HelmValuesLayer(kind: .inline, root: root)
                    : HelmValuesLayer(
                        kind: .inlineString, root: root,
                        readOnlyReason: "inside the helm.values string at \(base.file):\(values.line)"))
        }
        if helm?.hasValuesObject == true {
            layers.append(
                HelmValuesLayer(
                    kind: .inline,
                    root: SourceLocation(
                        file: base.file, document: base.document,
                        path: helmPath.appending(.key("valuesObject")))))
        }
        if helm?.hasParameters == true {
            layers.append(
                HelmValuesLayer(
                    kind: .parameters,
                    root: SourceLocation(
                        file: base.file, document: base.document, path: helmPath.appending(.key("parameters"))
                    )))
        }
        let release = reader.text(helm?.releaseName) ?? application
        target.recipe.sources.append(
            .helm(
                HelmRecipe(
                    chart: directory, release: release, namespace: target.namespace ?? "default",
                    layers: layers,
                    includeChartDefaults: true)))
    }

    private func kustomizeOverrides(
        _ kustomize: ApplicationTemplate.Kustomize?, at sourcePath: YAMLPath, file base: SourceLocation,
        reader: inout Substituting
    ) -> KustomizeOverrides {
        var overrides = KustomizeOverrides()
        guard let kustomize else { return overrides }
        overrides.namePrefix = reader.text(kustomize.namePrefix)
        overrides.nameSuffix = reader.text(kustomize.nameSuffix)
        overrides.namespace = reader.text(kustomize.namespace)
        overrides.images = kustomize.images.compactMap { reader.text($0) }.map(ImageReference.argoOverride)
        overrides.replicas = kustomize.replicas.compactMap { item in
            guard let name = reader.text(item.name), let count = reader.text(item.count).flatMap({ Int($0) })
            else { return nil }
            return Kustomization.ReplicaEntry(name: name, count: count)
        }
        overrides.components = kustomize.components.compactMap { item in
            reader.text(item).map {
                Kustomization.Entry(text: $0, line: item.node.start.line, column: item.node.start.column)
            }
        }
        for (index, item) in kustomize.patches.enumerated() {
            let itemPath = sourcePath.appending(.key("kustomize")).appending(.key("patches")).appending(
                .index(index))
            if let patch = item.patch, let text = reader.text(patch) {
                overrides.patches.append(
                    Kustomization.PatchEntry(
                        declaredIn: base.file, file: nil, inline: text,
                        inlineLocation: SourceLocation(
                            file: base.file, document: base.document, path: itemPath.appending(.key("patch"))),
                        target: item.target, line: patch.node.start.line, column: patch.node.start.column))
            } else if let path = reader.text(item.path) {
                overrides.patches.append(
                    Kustomization.PatchEntry(
                        declaredIn: base.file, file: path, inline: nil, inlineLocation: nil,
                        target: item.target,
                        line: item.item.start.line, column: item.item.start.column))
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
}

/// Reads scalars of an ApplicationSet template with the generator's parameters substituted,
/// remembering the first placeholder it could not fill.
struct Substituting {
    var parameters: TemplateParameters?
    var file: String
    var failure: InventoryProblem?

    mutating func text(_ value: ApplicationTemplate.Text?) -> String? {
        guard let value, let text = value.text else { return nil }
        guard let parameters else { return text.text }
        if let substituted = parameters.substitute(text) { return substituted }
        if failure == nil {
            let start = value.node.start
            failure = InventoryProblem(
                file: file, line: start.line, column: start.column,
                message: "cannot fill the template parameters of '\(text.text)'")
        }
        return nil
    }
}
