/// Where every container resources field of a repository is defined: the targets (what gets
/// deployed where), their rendered workloads, and for each field the file, document and YAML
/// path whose value wins after patches and values files.
///
/// ```swift
/// let inventory = try Inventory(tree: directory, options: options)
/// for target in inventory.targets { … target.workloads … }
/// inventory.placement(of: .requestsCPU, container: "app", workload: web, in: target)
/// ```
///
/// Problems (a file that does not parse, a missing base, a cycle, an unsupported generator) are
/// reported per target with their file and line; everything else is still read.
public struct Inventory: Sendable {
    public let snapshot: RepositorySnapshot
    public let options: InventoryOptions
    /// Targets in a stable order (by name).
    public private(set) var targets: [DeploymentTarget]
    /// Problems that belong to no target: files no target reads that do not parse, Applications
    /// that cannot be read.
    public private(set) var problems: [InventoryProblem]
    /// For each file, the documents targets read and the targets reading them (as positions in
    /// `targets`, so in the order of names): one table answers for documents and for files.
    private var usage: [String: [DocumentUse]]

    /// Reads `tree` and renders every target.
    /// - Throws: ``FileTreeError`` when the tree cannot be listed or a file cannot be read.
    public init(tree: some FileTree, options: InventoryOptions = InventoryOptions()) throws(FileTreeError) {
        self.init(
            snapshot: try RepositorySnapshot(tree: tree, ignoring: options.ignores), options: options)
    }

    /// Renders every target of an already-read snapshot.
    public init(snapshot: RepositorySnapshot, options: InventoryOptions = InventoryOptions()) {
        self.snapshot = snapshot
        self.options = options
        let (discovered, discoveryProblems) = TargetDiscovery(snapshot: snapshot, options: options).discover()
        var renderer = TargetRenderer(snapshot: snapshot, options: options)
        var targets = discovered.map { renderer.render($0) }
        targets.sort { $0.name < $1.name }
        self.targets = targets
        var usage: [String: [DocumentUse]] = [:]
        usage.reserveCapacity(snapshot.files.count)
        for index in targets.indices {
            let used = targets[index].used
            for position in used.indices {
                usage[used[position].file, default: []].append(
                    DocumentUse(document: used[position].document, target: index))
            }
        }
        self.usage = usage
        let reported = Set(targets.flatMap { $0.problems.map(\.file) })
        problems =
            discoveryProblems + snapshot.parseProblems.filter { !reported.contains($0.file) }
    }

    /// The target named `name`.
    public func target(named name: String) -> DeploymentTarget? {
        // Targets are sorted by name and names are unique.
        var low = 0
        var high = targets.count
        while low < high {
            let middle = (low + high) / 2
            if targets[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < targets.count && targets[low].name == name ? targets[low] : nil
    }

    /// The names of the targets that read a document, sorted.
    public func targets(using file: String, document: Int) -> [String] {
        var names: [String] = []
        var previous = -1
        for use in usage[file] ?? [] where use.document == document && use.target != previous {
            // A target's documents are indexed together, so one it reads twice repeats in a row.
            names.append(targets[use.target].name)
            previous = use.target
        }
        return names
    }

    /// The names of the targets that read any document of the given files, sorted.
    public func targets(readingAnyOf files: some Sequence<String>) -> [String] {
        var indices: Set<Int> = []
        for file in files {
            for use in usage[file] ?? [] { indices.insert(use.target) }
        }
        return indices.sorted().map { targets[$0].name }
    }

    /// The named targets rendered again with some files replaced or added: what they would
    /// deploy after an edit.
    public func rendering(_ names: [String], replacing files: [String: [UInt8]]) -> [DeploymentTarget] {
        let edited = snapshot.replacing(files)
        var renderer = TargetRenderer(snapshot: edited, options: options)
        return names.compactMap { name in
            guard let target = target(named: name) else { return nil }
            let discovered = DiscoveredTarget(
                name: target.name, kind: target.kind, definedIn: target.definedIn, paths: target.paths,
                cluster: target.cluster, namespace: target.namespace,
                kustomizationFile: target.kustomizationFile,
                recipe: target.recipe)
            return renderer.render(discovered)
        }
    }
}

/// A document of a file that a target reads, in the inventory's usage index.
private struct DocumentUse: Sendable {
    var document: Int
    /// The target's position in the inventory's targets.
    var target: Int
}
