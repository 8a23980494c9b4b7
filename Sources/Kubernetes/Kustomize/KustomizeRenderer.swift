import YAMLSyntax

/// Steward's own Kustomize renderer: builds a folder's kustomization the way kustomize v5 does
/// for the fields Steward reads, and records every document it read and where each container
/// field is defined.
///
/// Transformers run in kustomize's order: `patchesStrategicMerge`, `patches`, `namespace`,
/// `namePrefix`/`nameSuffix`, `patchesJson6902`, `replicas`, `images`. Builds of folders are
/// cached, so a base shared by many overlays is read once.
struct KustomizeRenderer {
    let snapshot: RepositorySnapshot
    private var cache: [String: RenderOutput] = [:]

    init(snapshot: RepositorySnapshot) {
        self.snapshot = snapshot
    }

    /// Builds the kustomization in `directory`, with the deployment tool's overrides.
    mutating func render(directory: String, overrides: KustomizeOverrides = KustomizeOverrides())
        -> RenderOutput
    {
        if overrides.isEmpty, let cached = cache[directory] { return cached }
        // A target's own folder is not kept for reuse: it is cached only when another
        // kustomization includes it.
        guard let file = snapshot.kustomizationFile(in: directory) else {
            return missingKustomization(directory)
        }
        return build(file: file, directory: directory, overrides: overrides, stack: [])
    }

    /// Builds a folder without a kustomization file as Flux does: every manifest in it and its
    /// sub-folders, a sub-folder with its own kustomization taken as a whole.
    mutating func renderGenerated(directory: String, overrides: KustomizeOverrides) -> RenderOutput {
        var kustomization = Kustomization(file: directory.isEmpty ? "." : directory, directory: directory)
        kustomization.resources = generatedResources(directory).map {
            Kustomization.Entry(text: $0, line: 0, column: 0)
        }
        var output = RenderOutput()
        accumulate(overrides.applied(to: kustomization), into: &output, stack: [directory])
        return output
    }

    /// The manifests of a folder of plain files (Argo CD's directory source), without any
    /// transformer; files that are not Kubernetes resources are left out.
    func renderPlain(directory: String, recursive: Bool) -> RenderOutput {
        var output = RenderOutput()
        for file in snapshot.yamlFiles(in: directory, recursive: recursive)
        where !RepositorySnapshot.isKustomizationName(RepositoryPath.name(of: file)) {
            output.append(resources(inFile: file, strict: false))
        }
        return output
    }

    // MARK: Building

    private mutating func build(_ directory: String, stack: [String]) -> RenderOutput {
        if let cached = cache[directory] { return cached }
        guard let file = snapshot.kustomizationFile(in: directory) else {
            return missingKustomization(directory)
        }
        var output = build(file: file, directory: directory, overrides: KustomizeOverrides(), stack: stack)
        // Each level lists its documents once, so that bases shared along several paths do not
        // multiply the list.
        output.used = DocumentKey.unique(output.used)
        cache[directory] = output
        return output
    }

    private mutating func build(
        file: String, directory: String, overrides: KustomizeOverrides, stack: [String]
    ) -> RenderOutput {
        var output = RenderOutput()
        output.used.append(DocumentKey(file: file, document: 0))
        guard let yaml = snapshot.files[file] else {
            output.problems += snapshot.parseProblem(file, target: nil).map { [$0] } ?? []
            return output
        }
        let kustomization = overrides.applied(to: Kustomization(parsing: yaml, file: file))
        output.problems += kustomization.problems
        accumulate(kustomization, into: &output, stack: stack + [directory])
        return output
    }

    private func missingKustomization(_ directory: String) -> RenderOutput {
        var output = RenderOutput()
        output.problems.append(
            InventoryProblem(
                file: RepositoryPath.display(directory),
                message: "no kustomization.yaml in \(RepositoryPath.display(directory))"))
        return output
    }

    /// Adds a kustomization's resources and components to `output`, then runs its transformers
    /// over everything accumulated.
    private mutating func accumulate(
        _ kustomization: Kustomization, into output: inout RenderOutput, stack: [String]
    ) {
        for feature in kustomization.unsupported {
            output.problems.append(
                InventoryProblem(
                    file: kustomization.file, line: feature.line, column: feature.column,
                    message:
                        "`\(feature.text)` is not supported: Steward cannot tell what it does to containers"
                ))
        }
        for entry in kustomization.resources {
            add(entry, of: kustomization, into: &output, stack: stack)
        }
        for entry in kustomization.components {
            guard let directory = RepositoryPath.join(kustomization.directory, entry.text),
                snapshot.isDirectory(directory)
            else {
                output.problems.append(
                    problem(entry, in: kustomization, "component '\(entry.text)' does not exist"))
                continue
            }
            if let cycle = cycle(stack, directory) {
                output.problems.append(problem(entry, in: kustomization, cycle))
                continue
            }
            guard let file = snapshot.kustomizationFile(in: directory) else {
                output.problems.append(
                    problem(entry, in: kustomization, "component '\(entry.text)' has no kustomization.yaml"))
                continue
            }
            output.used.append(DocumentKey(file: file, document: 0))
            guard let yaml = snapshot.files[file] else {
                output.problems += snapshot.parseProblem(file, target: nil).map { [$0] } ?? []
                continue
            }
            let component = Kustomization(parsing: yaml, file: file)
            output.problems += component.problems
            accumulate(component, into: &output, stack: stack + [directory])
        }
        transform(kustomization, &output)
    }

    /// One `resources` entry: a file, a folder with a kustomization, or something Steward
    /// reports (a remote base, a missing path, a cycle).
    private mutating func add(
        _ entry: Kustomization.Entry, of kustomization: Kustomization, into output: inout RenderOutput,
        stack: [String]
    ) {
        guard let path = RepositoryPath.join(kustomization.directory, entry.text) else {
            output.problems.append(
                problem(entry, in: kustomization, "'\(entry.text)' is outside the repository"))
            return
        }
        var added: RenderOutput
        if snapshot.isFile(path) {
            added = resources(inFile: path, strict: true)
        } else if snapshot.isDirectory(path) {
            if let cycle = cycle(stack, path) {
                output.problems.append(problem(entry, in: kustomization, cycle))
                return
            }
            added = build(path, stack: stack)
            if snapshot.kustomizationFile(in: path) == nil {
                added.problems = [
                    problem(entry, in: kustomization, "'\(entry.text)' has no kustomization.yaml")
                ]
            }
        } else if Self.isRemote(entry.text) {
            output.problems.append(
                problem(entry, in: kustomization, "remote base '\(entry.text)' is not supported"))
            return
        } else {
            output.problems.append(problem(entry, in: kustomization, "'\(entry.text)' does not exist"))
            return
        }
        if output.resources.isEmpty {
            // The first entry shares the storage of what it adds (often a cached base).
            output.resources = added.resources
        } else {
            append(added.resources, of: entry, in: kustomization, to: &output)
        }
        output.used += added.used
        output.problems += added.problems
    }

    /// Appends resources, refusing one already added (kustomize's "already registered id").
    private func append(
        _ resources: [RenderedResource], of entry: Kustomization.Entry, in kustomization: Kustomization,
        to output: inout RenderOutput
    ) {
        for resource in resources {
            if let existing = output.resources.first(where: { Self.sameIdentity($0, resource) }) {
                output.problems.append(
                    problem(
                        entry, in: kustomization,
                        "\(resource.kind) \(resource.name) is added twice (also from \(existing.origin.file))"
                    ))
                continue
            }
            output.resources.append(resource)
        }
    }

    /// The resources of every document of a file; with `strict`, a document that is not a
    /// resource is a problem (kustomize refuses it), else it is skipped.
    func resources(inFile path: String, strict: Bool) -> RenderOutput {
        var output = RenderOutput()
        guard let file = snapshot.files[path] else {
            output.problems += snapshot.parseProblem(path, target: nil).map { [$0] } ?? []
            return output
        }
        for document in file.documents {
            guard let root = document.root, !root.isNull else { continue }
            let context = DocumentContext(file: path, document: document.index)
            if let resource = ManifestScanner.resource(in: document, context: context) {
                output.resources.append(resource)
                output.used.append(DocumentKey(file: path, document: document.index))
            } else if strict {
                output.problems.append(
                    InventoryProblem(
                        file: path, line: root.start.line, column: root.start.column,
                        message:
                            "document \(document.index) is not a Kubernetes resource (no kind or metadata.name)"
                    ))
            }
        }
        return output
    }

    private func generatedResources(_ directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var entries: [String] = []
        for file in snapshot.yamlFiles(in: directory, recursive: false) {
            let name = RepositoryPath.name(of: file)
            guard !RepositorySnapshot.isKustomizationName(name), isManifest(file) else { continue }
            entries.append(String(file.dropFirst(prefix.count)))
        }
        let children = snapshot.directories.filter {
            !$0.isEmpty && $0 != directory && RepositoryPath.directory(of: $0) == directory
        }.sorted()
        for child in children {
            let relative = String(child.dropFirst(prefix.count))
            if snapshot.kustomizationFile(in: child) != nil {
                entries.append(relative)
            } else {
                entries += generatedResources(child).map { "\(relative)/\($0)" }
            }
        }
        return entries
    }

    private func isManifest(_ path: String) -> Bool {
        snapshot.files[path]?.documents.contains {
            $0.root?["kind"]?.scalar != nil && $0.root?["apiVersion"]?.scalar != nil
        } ?? false
    }

    // MARK: Transformers

    private func transform(_ kustomization: Kustomization, _ output: inout RenderOutput) {
        for index in output.resources.indices {
            output.resources[index].levelName = output.resources[index].name
            output.resources[index].levelNamespace = output.resources[index].namespace
        }
        for patch in kustomization.strategicMergePatches {
            applyPatch(patch, of: kustomization, to: &output, json: false)
        }
        for patch in kustomization.patches {
            applyPatch(patch, of: kustomization, to: &output, json: nil)
        }
        if let namespace = kustomization.namespace {
            for index in output.resources.indices
            where !Self.clusterScopedKinds.contains(output.resources[index].kind) {
                output.resources[index].namespace = namespace
            }
        }
        rename(&output, prefix: kustomization.namePrefix ?? "", suffix: kustomization.nameSuffix ?? "")
        for patch in kustomization.json6902Patches {
            applyPatch(patch, of: kustomization, to: &output, json: true)
        }
        for replica in kustomization.replicas {
            for index in output.resources.indices where output.resources[index].hasName(replica.name) {
                guard case .workload(var body) = output.resources[index].body else { continue }
                body.replicas = replica.count
                output.resources[index].body = .workload(body)
            }
        }
        if !kustomization.images.isEmpty {
            for index in output.resources.indices {
                guard case .workload(var body) = output.resources[index].body else { continue }
                for section in ["initContainers", "containers"] {
                    for container in body[section].indices {
                        guard let image = body[section][container].image else { continue }
                        body[section][container].image = ImageReference.transform(image, kustomization.images)
                    }
                }
                output.resources[index].body = .workload(body)
            }
        }
    }

    /// Adds the prefix and suffix to every name, and follows autoscalers' references to them.
    private func rename(_ output: inout RenderOutput, prefix: String, suffix: String) {
        guard !prefix.isEmpty || !suffix.isEmpty else { return }
        var renamed: [String: String] = [:]
        for index in output.resources.indices {
            let resource = output.resources[index]
            let name = prefix + resource.name + suffix
            if case .workload = resource.body {
                renamed["\(resource.kind)/\(resource.name)"] = name
            }
            output.resources[index].previousNames.append(resource.name)
            output.resources[index].name = name
        }
        for index in output.resources.indices {
            guard case .autoscaler(var body) = output.resources[index].body,
                let name = renamed["\(body.targetKind)/\(body.targetName)"]
            else { continue }
            body.targetName = name
            output.resources[index].body = .autoscaler(body)
        }
    }

    /// Applies one patch entry; `json` says which kind the field allows (nil: either, decided by
    /// the content: a list of operations is a JSON patch).
    private func applyPatch(
        _ entry: Kustomization.PatchEntry, of kustomization: Kustomization, to output: inout RenderOutput,
        json: Bool?
    ) {
        let documents: [(YAMLDocument, DocumentContext)]
        if let file = entry.file {
            guard snapshot.isFile(file) else {
                output.problems.append(
                    InventoryProblem(
                        file: entry.declaredIn, line: entry.line, column: entry.column,
                        message: "patch file '\(file)' does not exist"))
                return
            }
            guard let yaml = snapshot.files[file] else {
                output.problems += snapshot.parseProblem(file, target: nil).map { [$0] } ?? []
                return
            }
            documents = yaml.documents.map { ($0, DocumentContext(file: file, document: $0.index)) }
            for document in yaml.documents {
                output.used.append(DocumentKey(file: file, document: document.index))
            }
        } else if let inline = entry.inline, let location = entry.inlineLocation {
            let name = "\(entry.declaredIn):\(entry.line) (inline patch)"
            let yaml: YAMLFile
            do {
                yaml = try YAMLFile(bytes: Array(inline.utf8), path: name)
            } catch {
                output.problems.append(
                    InventoryProblem(
                        file: entry.declaredIn, line: entry.line, column: entry.column,
                        message: "the inline patch does not parse: \(error.message)"))
                return
            }
            let embedding = DocumentContext.Embedding(
                location: location, line: entry.line, column: entry.column,
                reason: "inside the inline patch at \(entry.declaredIn):\(entry.line)")
            documents = yaml.documents.map {
                ($0, DocumentContext(file: location.file, document: location.document, embedded: embedding))
            }
        } else {
            return
        }
        for (document, context) in documents {
            guard let root = document.root, !root.isEmpty else { continue }
            let isJSON = root.kind == .sequence
            if let json, json != isJSON {
                output.problems.append(
                    InventoryProblem(
                        file: context.origin.file, line: root.start.line, column: root.start.column,
                        message: json
                            ? "a JSON patch must be a list of operations" : "not a strategic-merge patch"))
                continue
            }
            if isJSON {
                guard let target = entry.target else {
                    output.problems.append(
                        InventoryProblem(
                            file: entry.declaredIn, line: entry.line, column: entry.column,
                            message: "a JSON patch needs a `target`"))
                    continue
                }
                for index in output.resources.indices where target.selects(output.resources[index]) {
                    for failure in JSONPatch.apply(root, context: context, to: &output.resources[index]) {
                        output.problems.append(
                            InventoryProblem(
                                file: context.origin.file, line: context.embedded?.line ?? failure.line,
                                column: context.embedded?.column ?? failure.column, message: failure.message))
                    }
                }
                continue
            }
            let selected: [Int]
            if let target = entry.target {
                selected = output.resources.indices.filter { target.selects(output.resources[$0]) }
            } else {
                let identity = PatchIdentity(root)
                selected = output.resources.indices.filter { identity.names(output.resources[$0]) }
                if selected.isEmpty {
                    let kind = identity.kind ?? "?"
                    let name = identity.name ?? "?"
                    output.problems.append(
                        InventoryProblem(
                            file: context.origin.file, line: context.embedded?.line ?? root.start.line,
                            column: context.embedded?.column ?? root.start.column,
                            message: "no resource matches the patch for \(kind) \(name)"))
                    continue
                }
            }
            var deleted: Set<Int> = []
            for index in selected {
                if StrategicMergePatch.apply(root, context: context, to: &output.resources[index]) == .deleted
                {
                    deleted.insert(index)
                }
            }
            if !deleted.isEmpty {
                output.resources = output.resources.enumerated().filter { !deleted.contains($0.offset) }.map(
                    \.element)
            }
        }
    }

    // MARK: Helpers

    private static func sameIdentity(_ a: RenderedResource, _ b: RenderedResource) -> Bool {
        a.kind == b.kind && a.name == b.name && a.group == b.group
            && RenderedResource.effectiveNamespace(a.namespace)
                == RenderedResource.effectiveNamespace(b.namespace)
    }

    private func cycle(_ stack: [String], _ directory: String) -> String? {
        guard let start = stack.firstIndex(of: directory) else { return nil }
        let chain = (stack[start...] + [directory]).map(RepositoryPath.display)
        return "cycle between kustomizations: " + chain.joined(separator: " -> ")
    }

    private func problem(_ entry: Kustomization.Entry, in kustomization: Kustomization, _ message: String)
        -> InventoryProblem
    {
        InventoryProblem(
            file: kustomization.file, line: entry.line > 0 ? entry.line : nil,
            column: entry.line > 0 ? entry.column : nil, message: message)
    }

    /// Whether a resource entry is a URL kustomize would fetch rather than a local path.
    static func isRemote(_ text: String) -> Bool {
        text.contains("://") || text.hasPrefix("git@") || text.hasPrefix("github.com/")
            || text.hasPrefix("gitlab.com/") || text.hasPrefix("bitbucket.org/") || text.contains("?ref=")
    }

    /// Kinds without a namespace, which Kustomize's `namespace` leaves alone.
    static let clusterScopedKinds: Set<String> = [
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
        "StorageClass", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
        "APIService", "IngressClass", "RuntimeClass", "CSIDriver", "ClusterIssuer", "Node",
    ]
}
