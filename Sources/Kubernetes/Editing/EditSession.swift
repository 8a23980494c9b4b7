import YAMLSyntax

/// One proposed value for one container field, with where it goes.
public struct ResolvedChange: Sendable {
    public var workload: Workload
    public var container: String
    public var field: ResourceField
    /// The field in workload form, as policies name it.
    public var workloadPath: YAMLPath
    public var from: String?
    /// The text to write; nil to remove the field (only where it is defined).
    public var to: String?
    public var placement: WritePlacement
    public var definedIn: FieldLocation?

    public init(
        workload: Workload, container: String, field: ResourceField, workloadPath: YAMLPath, from: String?,
        to: String?, placement: WritePlacement, definedIn: FieldLocation?
    ) {
        self.workload = workload
        self.container = container
        self.field = field
        self.workloadPath = workloadPath
        self.from = from
        self.to = to
        self.placement = placement
        self.definedIn = definedIn
    }
}

/// Applies changes group by group on top of what was accepted before, renders every target that
/// reads an edited file again with Steward's own renderer, and accepts a group only when its
/// target changed by exactly the intended values and every other target not at all.
public struct EditSession {
    public let inventory: Inventory
    /// The accepted contents of every file changed so far.
    public private(set) var files: [String: [UInt8]] = [:]
    /// For each target changed so far, what it renders after the accepted changes.
    private var expected: [String: RenderedState] = [:]

    public init(inventory: Inventory) {
        self.inventory = inventory
    }

    /// Applies `changes` (all for `target`) and checks the rendering.
    /// - Returns: where each change was written, or the reason the group is refused (nothing is
    ///   kept then).
    public mutating func attempt(_ changes: [ResolvedChange], for target: DeploymentTarget) -> Result<
        [SourceLocation], Refusal
    > {
        var staged = files
        var planned: [SourceLocation?] = Array(repeating: nil, count: changes.count)
        do {
            try stageInPlace(changes, into: &staged, planned: &planned)
            try stageOverlayPatches(changes, into: &staged, planned: &planned)
        } catch {
            return .failure(Refusal(message: error.description))
        }
        // Only an unwritable change is staged nowhere; callers pass writable ones alone.
        let locations = planned.compactMap { $0 }
        guard locations.count == changes.count else {
            return .failure(Refusal(message: "a change has no place Steward can write it"))
        }
        let changed = staged.filter { files[$0.key] != $0.value }.map(\.key)
        let affected = Set(inventory.targets(readingAnyOf: changed)).union([target.name]).sorted()
        let rendered = inventory.rendering(affected, replacing: staged)
        var accepted = expected
        for after in rendered {
            guard let before = inventory.target(named: after.name) else { continue }
            var intended = expected[after.name] ?? RenderedState(before)
            if after.name == target.name {
                for change in changes {
                    let key = RenderedState.Key(
                        namespace: change.workload.namespace ?? "default", kind: change.workload.kind,
                        name: change.workload.name, container: change.container, facet: change.field.rawValue)
                    intended.values[key] = change.to
                }
            }
            let newProblems = after.problems.filter { problem in
                problem.blocksWrites && !before.problems.contains { $0.description == problem.description }
            }
            if let problem = newProblems.first {
                return .failure(
                    Refusal(message: "the edit breaks target \(after.name): \(problem.description)"))
            }
            let differences = intended.differences(to: RenderedState(after))
            if let difference = differences.first {
                let actual = RenderedState(after).values[difference] ?? "unset"
                let wanted = intended.values[difference] ?? "unset"
                let message =
                    after.name == target.name
                    ? "the edit does not give the intended rendering: \(difference) would be \(actual), not \(wanted)"
                    : "the edit would also change target \(after.name): \(difference) would be \(actual)"
                return .failure(Refusal(message: message))
            }
            accepted[after.name] = intended
        }
        files = staged
        expected = accepted
        return .success(locations)
    }

    /// The current bytes of a file: accepted edits first, then the repository.
    private func current(_ path: String, in staged: [String: [UInt8]]) throws(YAMLError) -> YAMLFile? {
        if let bytes = staged[path] { return try YAMLFile(bytes: bytes, path: path) }
        return inventory.snapshot.files[path]
    }

    private func stageInPlace(
        _ changes: [ResolvedChange], into staged: inout [String: [UInt8]], planned: inout [SourceLocation?]
    ) throws(YAMLError) {
        var byFile: [String: [(Int, SourceLocation)]] = [:]
        for (index, change) in changes.enumerated() {
            if case .inPlace(let location) = change.placement {
                byFile[location.file, default: []].append((index, location))
            }
        }
        for (path, entries) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let file = try current(path, in: staged) else {
                throw YAMLError(path: path, line: 0, column: 0, message: "the file does not parse")
            }
            let edits = entries.map { index, location in
                changes[index].to.map {
                    YAMLEdit.set(document: location.document, path: location.path, value: $0)
                }
                    ?? .delete(document: location.document, path: location.path)
            }
            staged[path] = try file.applying(edits).bytes
            for (index, location) in entries {
                planned[index] = location
            }
        }
    }

    private func stageOverlayPatches(
        _ changes: [ResolvedChange], into staged: inout [String: [UInt8]], planned: inout [SourceLocation?]
    ) throws(YAMLError) {
        var byFile: [String: [(Int, OverlayPatch, String)]] = [:]
        for (index, change) in changes.enumerated() {
            if case .overlayPatch(let patch) = change.placement {
                // Proposals resolve a removal in a shared base as unwritable, so this is a guard.
                guard let value = change.to else {
                    throw YAMLError(
                        path: patch.patchFile, line: 0, column: 0,
                        message: "an overlay patch cannot remove \(change.field.rawValue)")
                }
                byFile[patch.patchFile, default: []].append((index, patch, value))
            }
        }
        for (path, entries) in byFile.sorted(by: { $0.key < $1.key }) {
            let settings = entries.map { OverlayPatchWriter.Setting(patch: $0.1, value: $0.2) }
            let existing = try current(path, in: staged)
            let (file, documents) = try OverlayPatchWriter.write(settings, existing: existing, path: path)
            staged[path] = file.bytes
            let kustomizationPath = entries[0].1.kustomizationFile
            guard let kustomization = try current(kustomizationPath, in: staged) else {
                throw YAMLError(
                    path: kustomizationPath, line: 0, column: 0, message: "the file does not parse")
            }
            let referenced = try OverlayPatchWriter.reference(
                path, from: kustomization, path: kustomizationPath)
            if referenced.bytes != kustomization.bytes { staged[kustomizationPath] = referenced.bytes }
            for ((index, patch, _), document) in zip(entries, documents) {
                planned[index] = SourceLocation(file: path, document: document, path: patch.path)
            }
        }
    }
}

/// Why a group of changes was not accepted.
public struct Refusal: Error, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
