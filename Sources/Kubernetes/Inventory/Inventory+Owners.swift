import YAMLSyntax

extension Inventory {
    /// The container fields a location defines, one per target that reads it: the inverse of
    /// the inventory, for checking an edit independently of the planner.
    ///
    /// A location matches when it is a field's defining location, or the place where the field
    /// would be created: `<container item>.resources.<requests|limits>.<cpu|memory>` in the
    /// manifest or patch declaring a container that does not set the field yet,
    /// `<values path>.<requests|limits>.<cpu|memory>` in the winning values layer of a release or
    /// any layer above it. Paths may use `[N]` or `[name=…]` for sequence items. A location in a file
    /// Steward creates (its patch file in an overlay) is named by the document itself
    /// (kind and `metadata.name`); use ``owners(ofPatch:document:field:container:)`` for it.
    ///
    /// - Returns: the owners sorted by target; empty when the location defines no container field.
    public func owners(of location: SourceLocation) -> [FieldOwner] {
        let query = concrete(location)
        var result: Set<FieldOwner> = []
        for target in targets {
            for workload in target.workloads {
                for container in workload.containers {
                    for field in ResourceField.allCases
                    where defines(query, field: field, container: container) {
                        result.insert(owner(target, workload, container.name, field))
                    }
                }
            }
        }
        return result.sorted {
            ($0.target, $0.name, $0.container, $0.field) < ($1.target, $1.name, $1.container, $1.field)
        }
    }

    /// The container field a document of Steward's patch file sets: the targets whose
    /// kustomization sits in the patch file's folder, the workload the document names.
    public func owners(
        ofPatch file: String, kind: String, name: String, namespace: String?, container: String,
        field: ResourceField
    ) -> [FieldOwner] {
        let directory = RepositoryPath.directory(of: file)
        return targets.filter { target in
            target.kustomizationFile.map(RepositoryPath.directory(of:)) == directory
        }.flatMap { target in
            target.workloads.filter {
                $0.kind == kind && $0.overlayName == name
                    && RenderedResource.effectiveNamespace($0.overlayNamespace)
                        == RenderedResource.effectiveNamespace(namespace)
                    && $0.container(container) != nil
            }.map { owner(target, $0, container, field) }
        }
    }

    private func owner(
        _ target: DeploymentTarget, _ workload: Workload, _ container: String, _ field: ResourceField
    )
        -> FieldOwner
    {
        FieldOwner(
            target: target.name, cluster: target.cluster, namespace: workload.namespace ?? "default",
            kind: workload.kind, name: workload.name, container: container, field: field)
    }

    private func defines(_ query: SourceLocation, field: ResourceField, container: ContainerSpec) -> Bool {
        if let defining = container.locations[field], defining.readOnlyReason == nil,
            defining.location.file == query.file, defining.location.document == query.document,
            concrete(defining.location).path == query.path
        {
            return true
        }
        switch container.source {
        case .manifest(let declaration):
            // The declaration defines a field only while nothing sets it.
            guard container.locations[field] == nil, declaration.readOnlyReason == nil,
                declaration.location.file == query.file,
                declaration.location.document == query.document
            else { return false }
            let expected = concrete(
                declaration.location.appending([.key("resources"), .key(field.section), .key(field.resource)])
            )
            return expected.path == query.path
        case .helmValues(let values):
            // A layer below the winning one does not define what renders.
            guard let path = values.paths[field] else { return false }
            let lowest = values.winners[field] ?? 0
            return values.layers.indices.contains { index in
                let layer = values.layers[index]
                return index >= lowest && layer.root.file == query.file
                    && layer.root.document == query.document
                    && concrete(layer.root.appending(path.components)).path == query.path
            }
        case .unmapped:
            return false
        }
    }

    /// The location with `[key=value]` items replaced by their index, as far as the document
    /// has them; the rest of the path is kept as given.
    func concrete(_ location: SourceLocation) -> SourceLocation {
        guard location.path.components.contains(where: { if case .match = $0 { true } else { false } }),
            let file = snapshot.files[location.file], location.document < file.documents.count,
            var node = file.documents[location.document].root
        else { return location }
        var components: [YAMLPath.Component] = []
        var exists = true
        for component in location.path.components {
            guard exists else {
                components.append(component)
                continue
            }
            switch component {
            case .key(let key):
                if let child = node[key] { node = child } else { exists = false }
                components.append(component)
            case .index(let index):
                let items = node.items
                if index < items.count { node = items[index] } else { exists = false }
                components.append(component)
            case .match(let key, let value):
                if let index = node.items.firstIndex(where: { $0[key]?.scalar == value }) {
                    node = node.items[index]
                    components.append(.index(index))
                } else {
                    exists = false
                    components.append(component)
                }
            case .wildcard:
                exists = false
                components.append(component)
            }
        }
        return SourceLocation(file: location.file, document: location.document, path: YAMLPath(components))
    }
}
