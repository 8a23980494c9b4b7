import YAMLSyntax

extension Inventory {
    /// Where to write a new value of `field` for a container of a target's workload.
    ///
    /// - In place when the defining location (or, for a field not set yet, the container's
    ///   declaration) is read by this target only and is not inside a string.
    /// - Otherwise, for a target with a kustomization, in Steward's patch file in the overlay.
    /// - For Helm, the defining layer when only this target reads it, else the most specific
    ///   values file of the release (never the chart's `values.yaml` when the release has its
    ///   own), provided no layer above it sets the field.
    ///
    /// The planner renders the target again after writing and checks the result; the placement
    /// only says where to try.
    public func placement(
        of field: ResourceField, container name: String, workload: Workload, in target: DeploymentTarget
    ) -> WritePlacement {
        guard let container = workload.container(name) else {
            return .unwritable("\(workload.kind) \(workload.name) has no container \(name)")
        }
        if let blocking = target.problems.first(where: \.blocksWrites) {
            return .unwritable("target \(target.name) has problems (\(blocking.description))")
        }
        if case .helmValues(let values) = container.source {
            return helmPlacement(of: field, values: values, target: target)
        }
        let location: SourceLocation
        let readOnly: String?
        if let defining = container.locations[field] {
            location = defining.location
            readOnly = defining.readOnlyReason
        } else if case .manifest(let declaration) = container.source {
            location = declaration.location.appending([
                .key("resources"), .key(field.section), .key(field.resource),
            ])
            readOnly = declaration.readOnlyReason
        } else if case .unmapped(let reason) = container.source {
            return .unwritable(reason)
        } else {
            return .unwritable("container \(name) is declared nowhere Steward can edit")
        }
        let readers = targets(using: location.file, document: location.document)
        if readOnly == nil && readers == [target.name] {
            return .inPlace(location)
        }
        guard let kustomization = target.kustomizationFile else {
            let why = readOnly ?? "\(location.file) is also deployed by \(others(readers, target))"
            return .unwritable("\(why), and target \(target.name) has no kustomization to hold a patch")
        }
        let section = container.role == .main ? "containers" : "initContainers"
        let directory = RepositoryPath.directory(of: kustomization)
        return .overlayPatch(
            OverlayPatch(
                kustomizationFile: kustomization,
                patchFile: directory.isEmpty
                    ? options.patchFileName : "\(directory)/\(options.patchFileName)",
                apiVersion: workload.apiVersion, kind: workload.kind, name: workload.overlayName,
                namespace: workload.overlayNamespace,
                podSpecPath: ManifestScanner.podSpecPaths[workload.kind] ?? YAMLPath([]), section: section,
                container: name, field: field))
    }

    private func helmPlacement(
        of field: ResourceField, values: HelmValuesSource, target: DeploymentTarget
    ) -> WritePlacement {
        guard let path = values.paths[field] else {
            return .unwritable("no values path for the \(field.label)")
        }
        let winner = values.winners[field]
        func owned(_ layer: HelmValuesLayer) -> Bool {
            layer.readOnlyReason == nil && layer.kind != .inlineString
                && targets(using: layer.root.file, document: layer.root.document) == [target.name]
        }
        // The most specific layer Steward may create the key in: the last values file of the
        // release, else its inline values, else the chart's defaults.
        let creatable = values.layers.indices.filter {
            [.file, .inline, .chartDefaults].contains(values.layers[$0].kind)
        }
        let preferred =
            creatable.last { values.layers[$0].kind == .file }
            ?? creatable.last { values.layers[$0].kind == .inline }
            ?? creatable.last { values.layers[$0].kind == .chartDefaults }
        // The winning layer is edited in place when only this target reads it, unless it is the
        // chart's defaults and the release has a layer of its own.
        if let winner, owned(values.layers[winner]),
            values.layers[winner].kind != .chartDefaults || preferred == winner
        {
            let layer = values.layers[winner]
            if layer.kind == .parameters {
                return .unwritable(
                    "the \(field.label) is set by helm.parameters in \(layer.root.file); edit it there")
            }
            return .inPlace(layer.root.appending(path.components))
        }
        guard let chosen = preferred else {
            return .unwritable("the release has no values file Steward can write")
        }
        if let winner, winner > chosen {
            let layer = values.layers[winner]
            return .unwritable(
                "the \(field.label) is set in \(layer.root.file) (\(layer.readOnlyReason ?? "shared with other targets")), "
                    + "which overrides every values file Steward could write")
        }
        let layer = values.layers[chosen]
        let readers = targets(using: layer.root.file, document: layer.root.document)
        guard readers == [target.name] else {
            return .unwritable(
                "\(layer.root.file) is the most specific values file, but \(others(readers, target)) read it too"
            )
        }
        return .inPlace(layer.root.appending(path.components))
    }

    private func others(_ readers: [String], _ target: DeploymentTarget) -> String {
        let others = readers.filter { $0 != target.name }
        return others.isEmpty ? "no other target" : "targets " + others.joined(separator: ", ")
    }
}
