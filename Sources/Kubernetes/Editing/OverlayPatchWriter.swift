import YAMLSyntax

/// Writes Steward's strategic-merge patch file in an overlay: one document per workload with
/// only the fields Steward sets, created with the emitter or edited byte-minimally, and
/// referenced from the overlay's kustomization with the field the file already uses.
public struct OverlayPatchWriter {
    /// A field to set, with its new text.
    struct Setting {
        var patch: OverlayPatch
        var value: String
    }

    /// The header of a patch file Steward creates.
    static let header =
        "# Requests and limits set by Steward for this overlay. Edit freely: Steward keeps your edits.\n"

    /// The patch file with `settings` applied; `existing` is its current content, if any.
    /// - Returns: the file and, for each setting in order, the index of its workload's document.
    static func write(_ settings: [Setting], existing: YAMLFile?, path: String) throws(YAMLError)
        -> (YAMLFile, [Int])
    {
        var file: YAMLFile
        if let existing {
            file = existing
        } else {
            var text = header
            var seen: [WorkloadKey] = []
            var indexes: [Int] = []
            for setting in settings {
                let key = WorkloadKey(setting.patch)
                if let index = seen.firstIndex(of: key) {
                    indexes.append(index)
                    continue
                }
                indexes.append(seen.count)
                seen.append(key)
                if seen.count > 1 { text += "---\n" }
                text += YAMLEmitter.emit(document(for: settings.filter { WorkloadKey($0.patch) == key }))
            }
            return (try YAMLFile(bytes: Array(text.utf8), path: path), indexes)
        }
        var indexes: [Int] = []
        for setting in settings {
            let patch = setting.patch
            if let index = documentIndex(of: patch, in: file) {
                let existingDocument = file.documents[index]
                let containerPath = YAMLPath(
                    patch.podSpecPath.components + [
                        .key(patch.section), .match(key: "name", value: patch.container),
                    ])
                if existingDocument.node(at: containerPath) != nil {
                    file = try file.applying([.set(document: index, path: patch.path, value: setting.value)])
                } else if let list = existingDocument.node(
                    at: YAMLPath(patch.podSpecPath.components + [.key(patch.section)])),
                    list.kind == .sequence
                {
                    file = try YAMLAppender.append(
                        container(patch, settings: [setting]),
                        toSequenceAt: YAMLPath(patch.podSpecPath.components + [.key(patch.section)]),
                        document: index,
                        in: file)
                } else {
                    file = try YAMLAppender.appendDocument(document(for: [setting]), to: file)
                    indexes.append(file.documents.count - 1)
                    continue
                }
                indexes.append(index)
            } else {
                file = try YAMLAppender.appendDocument(document(for: [setting]), to: file)
                indexes.append(file.documents.count - 1)
            }
        }
        return (file, indexes)
    }

    /// The overlay's kustomization, referencing the patch file (unchanged when it already does).
    static func reference(_ patchFile: String, from kustomization: YAMLFile, path: String) throws(YAMLError)
        -> YAMLFile
    {
        let name = String(patchFile.split(separator: "/").last ?? Substring(patchFile))
        guard let root = kustomization.documents.first?.root, root.kind == .mapping else {
            throw kustomization.error(at: 0, "the kustomization is not a mapping")
        }
        let normalized = { (text: String) in text.hasPrefix("./") ? String(text.dropFirst(2)) : text }
        if let patches = root["patches"],
            patches.items.contains(where: { normalized($0["path"]?.scalar ?? "") == name })
        {
            return kustomization
        }
        if let patches = root["patchesStrategicMerge"],
            patches.items.contains(where: { normalized($0.scalar ?? "") == name })
        {
            return kustomization
        }
        if let patches = root["patches"], patches.kind == .sequence {
            return try YAMLAppender.append(
                .mapping([YAMLPair(key: .string("path"), value: .string(name))]),
                toSequenceAt: YAMLPath([.key("patches")]), document: 0, in: kustomization)
        }
        if let patches = root["patchesStrategicMerge"], patches.kind == .sequence {
            return try YAMLAppender.append(
                .string(name), toSequenceAt: YAMLPath([.key("patchesStrategicMerge")]), document: 0,
                in: kustomization)
        }
        return try YAMLAppender.addKey(
            "patches", value: .sequence([.mapping([YAMLPair(key: .string("path"), value: .string(name))])]),
            document: 0, in: kustomization)
    }

    /// The document of an existing patch file that names the workload.
    public static func documentIndex(of patch: OverlayPatch, in file: YAMLFile) -> Int? {
        file.documents.first { document in
            guard let root = document.root, root["kind"]?.scalar == patch.kind,
                root["metadata"]?["name"]?.scalar == patch.name
            else { return false }
            let namespace = root["metadata"]?["namespace"]?.scalar
            return (namespace ?? "default") == (patch.namespace ?? "default")
        }?.index
    }

    /// A patch document for one workload with the given settings.
    private static func document(for settings: [Setting]) -> YAMLValue {
        let patch = settings[0].patch
        var metadata = [YAMLPair(key: .string("name"), value: .string(patch.name))]
        if let namespace = patch.namespace {
            metadata.append(YAMLPair(key: .string("namespace"), value: .string(namespace)))
        }
        var sections: [(String, [YAMLValue])] = []
        for setting in settings {
            let section = setting.patch.section
            let containerName = setting.patch.container
            if let index = sections.firstIndex(where: { $0.0 == section }) {
                if !sections[index].1.contains(where: { $0["name"]?.scalarText == containerName }) {
                    sections[index].1.append(
                        container(
                            setting.patch,
                            settings: settings.filter {
                                $0.patch.section == section && $0.patch.container == containerName
                            }))
                }
            } else {
                sections.append(
                    (
                        section,
                        [
                            container(
                                setting.patch,
                                settings: settings.filter {
                                    $0.patch.section == section && $0.patch.container == containerName
                                })
                        ]
                    ))
            }
        }
        var podSpec = YAMLValue.mapping(
            sections.sorted { $0.0 > $1.0 }.map {
                YAMLPair(key: .string($0.0), value: .sequence($0.1))
            })
        for component in patch.podSpecPath.components.reversed() {
            if case .key(let key) = component {
                podSpec = .mapping([YAMLPair(key: .string(key), value: podSpec)])
            }
        }
        guard case .mapping(let specPairs) = podSpec else { return podSpec }
        return .mapping(
            [
                YAMLPair(key: .string("apiVersion"), value: .string(patch.apiVersion)),
                YAMLPair(key: .string("kind"), value: .string(patch.kind)),
                YAMLPair(key: .string("metadata"), value: .mapping(metadata)),
            ] + specPairs)
    }

    /// A container item with `resources` holding the settings, requests before limits.
    private static func container(_ patch: OverlayPatch, settings: [Setting]) -> YAMLValue {
        var sections: [YAMLPair] = []
        for section in ["requests", "limits"] {
            let fields = settings.filter { $0.patch.field.section == section }.sorted {
                $0.patch.field < $1.patch.field
            }
            guard !fields.isEmpty else { continue }
            sections.append(
                YAMLPair(
                    key: .string(section),
                    value: .mapping(
                        fields.map {
                            YAMLPair(key: .string($0.patch.field.resource), value: .string($0.value))
                        })))
        }
        return .mapping([
            YAMLPair(key: .string("name"), value: .string(patch.container)),
            YAMLPair(key: .string("resources"), value: .mapping(sections)),
        ])
    }

    private struct WorkloadKey: Equatable {
        var kind: String
        var name: String
        var namespace: String?

        init(_ patch: OverlayPatch) {
            kind = patch.kind
            name = patch.name
            namespace = patch.namespace
        }
    }
}
