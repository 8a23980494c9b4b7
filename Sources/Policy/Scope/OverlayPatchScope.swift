import Kubernetes
import YAMLSyntax

/// The independent check of Steward's own overlay patch files and of the references to them,
/// on their bytes: a patch document names a workload of the overlay's target and sets nothing
/// but container resources, each within the policy; a kustomization changes only by referencing
/// the patch file.
public struct OverlayPatchScope {
    let inventory: Inventory
    let policy: Policy
    let cluster: String
    let actions: Set<PolicyAction>

    public init(inventory: Inventory, policy: Policy, cluster: String, actions: Set<PolicyAction>) {
        self.inventory = inventory
        self.policy = policy
        self.cluster = cluster
        self.actions = actions
    }

    /// Steward's patch files and the kustomizations next to them, and every other edit.
    public func partition(_ edits: [ChangedFile]) -> (own: [ChangedFile], other: [ChangedFile]) {
        let overlays = Set(inventory.targets.compactMap { $0.kustomizationFile.map(Self.directory) })
        var own: [ChangedFile] = []
        var other: [ChangedFile] = []
        for edit in edits {
            let directory = Self.directory(edit.path)
            let name = String(edit.path.split(separator: "/").last ?? "")
            let isPatch = name == inventory.options.patchFileName
            let isKustomization = inventory.targets.contains { $0.kustomizationFile == edit.path }
            if overlays.contains(directory) && (isPatch || isKustomization) {
                own.append(edit)
            } else {
                other.append(edit)
            }
        }
        return (own, other)
    }

    /// A field one of Steward's patch documents changes, and the rule that allows the value.
    public struct PatchField: Sendable {
        /// `file#document:path`.
        public var place: String
        public var field: ResolvedField
        public var rule: String?
    }

    /// The violations of the edits `partition` kept, one line each.
    public func check(_ edits: [ChangedFile]) -> [String] {
        inspect(edits).violations
    }

    /// The violations of the edits `partition` kept, and every field their patches change.
    public func inspect(_ edits: [ChangedFile]) -> (violations: [String], fields: [PatchField]) {
        var violations: [String] = []
        var fields: [PatchField] = []
        for edit in edits.sorted(by: { $0.path < $1.path }) {
            let before: [YAMLValue]
            let after: [YAMLValue]
            do {
                before =
                    try edit.before.map { try YAMLFile(bytes: $0, path: edit.path).documents.map(\.value) }
                    ?? []
                after =
                    try edit.after.map { try YAMLFile(bytes: $0, path: edit.path).documents.map(\.value) }
                    ?? []
            } catch {
                violations.append("\(edit.path): does not parse: \(error)")
                continue
            }
            if String(edit.path.split(separator: "/").last ?? "") == inventory.options.patchFileName {
                violations += checkPatch(edit.path, before: before, after: after, fields: &fields)
            } else {
                violations += checkReference(edit.path, before: before, after: after)
            }
        }
        return (violations, fields)
    }

    // MARK: Patch files

    private func checkPatch(
        _ file: String, before: [YAMLValue], after: [YAMLValue], fields: inout [PatchField]
    ) -> [String] {
        guard after.count >= before.count else { return ["\(file): documents are removed"] }
        var violations: [String] = []
        for (index, document) in after.enumerated() {
            let old = index < before.count ? before[index] : nil
            let place = "\(file)#\(index)"
            guard let kind = document["kind"]?.scalarText, let podSpec = ManifestScanner.podSpecPaths[kind],
                let name = document["metadata"]?["name"]?.scalarText
            else {
                violations.append("\(place): not a patch of a workload (kind and metadata.name)")
                continue
            }
            let namespace = document["metadata"]?["namespace"]?.scalarText
            if let old, Self.identity(old) != Self.identity(document) {
                violations.append("\(place): the patch names another workload than before")
                continue
            }
            if let message = Self.skeletonViolation(document, before: old, podSpec: podSpec) {
                violations.append("\(place): \(message)")
                continue
            }
            for section in ["containers", "initContainers"] {
                let path = YAMLPath(podSpec.components + [.key(section)])
                for item in Self.items(document, at: path) {
                    guard let container = item["name"]?.scalarText else { continue }
                    let previous = old.flatMap {
                        Self.items($0, at: path).first { $0["name"]?.scalarText == container }
                    }
                    for field in ResourceField.allCases {
                        let new = item["resources"]?[field.section]?[field.resource]
                        let current = previous?["resources"]?[field.section]?[field.resource]
                        guard new != current else { continue }
                        let at = "\(place):\(path)[name=\(container)].resources.\(field.rawValue)"
                        guard let text = new?.scalarText, let value = Quantity(text) else {
                            violations.append(
                                "\(at): \(new == nil ? "removed" : "not a Kubernetes quantity")")
                            continue
                        }
                        let owners = inventory.owners(
                            ofPatch: file, kind: kind, name: name, namespace: namespace, container: container,
                            field: field)
                        guard owners.count == 1, let owner = owners.first,
                            let resolved = InventoryFieldResolver.field(
                                owner, in: inventory, cluster: cluster)
                        else {
                            violations.append(
                                "\(at): names no container of exactly one target of the overlay")
                            continue
                        }
                        let rendered = inventory.target(named: owner.target)?
                            .workload(kind: kind, name: owner.name, namespace: owner.namespace)?.container(
                                container)?
                            .resources[field]
                        let from = current?.scalarText.flatMap { Quantity($0) } ?? rendered
                        switch decision(resolved, from: from, to: value) {
                        case .success(let rule):
                            fields.append(PatchField(place: at, field: resolved, rule: rule))
                        case .failure(let refusal): violations.append("\(at): \(refusal.message)")
                        }
                    }
                }
            }
        }
        return violations
    }

    /// The rule under which one claimed action allows exactly this value, else why not.
    private func decision(_ field: ResolvedField, from: Quantity?, to: Quantity) -> Result<String?, Refusal> {
        let decisions = actions.sorted().map { action in
            policy.evaluate(
                ProposedChange(
                    subject: field.subject, container: field.container, path: field.path, action: action,
                    from: from, to: to))
        }
        if let allowed = decisions.first(where: { $0.outcome == .allowed }) { return .success(allowed.rule) }
        return .failure(
            Refusal(
                message: "\(from?.text ?? "(absent)") -> \(to.text) is not allowed: "
                    + (decisions.first.map { "\($0)" } ?? "no action")))
    }

    /// The document without container `resources`: what may differ from before only by new
    /// container items holding just a `name`; a new document may hold nothing else at all.
    private static func skeletonViolation(_ document: YAMLValue, before: YAMLValue?, podSpec: YAMLPath)
        -> String?
    {
        let stripped = strip(document, podSpec: podSpec)
        if let before {
            var expected = strip(before, podSpec: podSpec)
            for section in ["containers", "initContainers"] {
                let path = YAMLPath(podSpec.components + [.key(section)])
                let added = items(stripped, at: path).filter { item in
                    !items(expected, at: path).contains { $0["name"] == item["name"] }
                }
                guard added.allSatisfy(isNameOnly) else {
                    return "adds more than container names and resources"
                }
                expected = appending(added, to: expected, at: path.components)
            }
            return stripped == expected ? nil : "changes more than container resources"
        }
        guard case .mapping(let pairs) = stripped,
            pairs.allSatisfy({ ["apiVersion", "kind", "metadata", "spec"].contains($0.key.scalarText ?? "") }
            ),
            case .mapping(let metadata)? = stripped["metadata"],
            metadata.allSatisfy({ ["name", "namespace"].contains($0.key.scalarText ?? "") })
        else { return "holds more than the workload's identity and container resources" }
        var spec = stripped["spec"]
        for component in podSpec.components.dropFirst() {
            guard case .mapping(let level)? = spec, level.count == 1, case .key(let key) = component,
                level[0].key.scalarText == key
            else { return "holds more than the workload's identity and container resources" }
            spec = level[0].value
        }
        guard case .mapping(let sections)? = spec,
            sections.allSatisfy({ pair in
                ["containers", "initContainers"].contains(pair.key.scalarText ?? "")
                    && {
                        if case .sequence(let items) = pair.value {
                            items.allSatisfy(isNameOnly)
                        } else {
                            false
                        }
                    }()
            })
        else { return "holds more than the workload's identity and container resources" }
        return nil
    }

    private static func isNameOnly(_ item: YAMLValue) -> Bool {
        guard case .mapping(let pairs) = item else { return false }
        return pairs.count == 1 && pairs[0].key.scalarText == "name"
    }

    /// `document` without the `resources` of its container items.
    private static func strip(_ document: YAMLValue, podSpec: YAMLPath) -> YAMLValue {
        var result = document
        for section in ["containers", "initContainers"] {
            result = transform(result, at: (podSpec.components + [.key(section)])[...]) { list in
                guard case .sequence(let items) = list else { return list }
                return .sequence(
                    items.map { item in
                        guard case .mapping(let pairs) = item else { return item }
                        return .mapping(pairs.filter { $0.key.scalarText != "resources" })
                    })
            }
        }
        return result
    }

    private static func transform(
        _ value: YAMLValue, at path: ArraySlice<YAMLPath.Component>, _ body: (YAMLValue) -> YAMLValue
    ) -> YAMLValue {
        guard let first = path.first else { return body(value) }
        guard case .key(let key) = first, case .mapping(var pairs) = value,
            let index = pairs.firstIndex(where: { $0.key.scalarText == key })
        else { return value }
        pairs[index].value = transform(pairs[index].value, at: path.dropFirst(), body)
        return .mapping(pairs)
    }

    private static func appending(_ items: [YAMLValue], to value: YAMLValue, at path: [YAMLPath.Component])
        -> YAMLValue
    {
        transform(value, at: path[...]) { list in
            guard case .sequence(let existing) = list else { return list }
            return .sequence(existing + items)
        }
    }

    private static func items(_ value: YAMLValue, at path: YAMLPath) -> [YAMLValue] {
        var current: YAMLValue? = value
        for component in path.components {
            guard case .key(let key) = component else { return [] }
            current = current?[key]
        }
        guard case .sequence(let items)? = current else { return [] }
        return items
    }

    private static func identity(_ document: YAMLValue) -> [String?] {
        [
            document["apiVersion"]?.scalarText, document["kind"]?.scalarText,
            document["metadata"]?["name"]?.scalarText, document["metadata"]?["namespace"]?.scalarText,
        ]
    }

    // MARK: References

    /// A kustomization may change only by one reference to the patch file next to it.
    private func checkReference(_ file: String, before: [YAMLValue], after: [YAMLValue]) -> [String] {
        guard before.count == 1, after.count == 1 else { return ["\(file): documents are added or removed"] }
        let name = inventory.options.patchFileName
        let reference = YAMLValue.mapping([YAMLPair(key: .string("path"), value: .string(name))])
        let changes = YAMLValue.changes(from: before[0], to: after[0])
        let allowed: Bool
        if changes.count == 1, let change = changes.first, change.old == nil,
            case .key(let key) = change.path.components.first
        {
            switch (key, change.path.components.count, change.new) {
            case ("patches", 2, reference?), ("patchesStrategicMerge", 2, .string(name)?): allowed = true
            case ("patches", 1, .sequence([reference])?): allowed = true
            default: allowed = false
            }
        } else {
            allowed = false
        }
        return allowed
            ? []
            : [
                "\(file): changes more than a reference to \(name): "
                    + changes.map(\.description).joined(separator: "; ")
            ]
    }

    private static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
