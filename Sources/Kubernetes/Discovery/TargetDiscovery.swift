import YAMLSyntax

/// Finds the targets of a repository: Argo CD Applications and ApplicationSets, Flux
/// Kustomizations and HelmReleases; without any of these, every kustomization no other one
/// includes and every folder of plain manifests.
struct TargetDiscovery {
    let snapshot: RepositorySnapshot
    let options: InventoryOptions

    func discover() -> (targets: [DiscoveredTarget], problems: [InventoryProblem]) {
        var targets: [DiscoveredTarget] = []
        var problems: [InventoryProblem] = []
        let argo = ArgoApplicationReader(snapshot: snapshot, options: options)
        let applicationSets = ApplicationSetReader(snapshot: snapshot, options: options)
        let flux = FluxReader(snapshot: snapshot, options: options)
        // Only documents of an Argo CD or Flux API group can declare a target.
        var candidates: [(path: String, file: YAMLFile)] = []
        for (path, file) in snapshot.files where Self.declaresDeploymentTool(file) {
            candidates.append((path, file))
        }
        candidates.sort { $0.path < $1.path }
        for (path, file) in candidates {
            for document in file.documents {
                guard let root = document.root, root.kind == .mapping, let kind = root["kind"]?.scalar,
                    let apiVersion = root["apiVersion"]?.scalar
                else { continue }
                switch (kind, Self.group(apiVersion)) {
                case ("Application", "argoproj.io"):
                    let base = SourceLocation(file: path, document: document.index)
                    switch argo.target(
                        ApplicationTemplate(root, goTemplate: false), base: base, parameters: nil,
                        kind: .application)
                    {
                    case .success(let target): targets.append(target)
                    case .failure(let problem): problems.append(problem)
                    }
                case ("ApplicationSet", "argoproj.io"):
                    let (generated, setProblems) = applicationSets.targets(
                        root, file: path, document: document.index)
                    targets += generated
                    problems += setProblems
                case ("Kustomization", "kustomize.toolkit.fluxcd.io"):
                    targets.append(flux.kustomization(root, file: path, document: document.index))
                case ("HelmRelease", "helm.toolkit.fluxcd.io"):
                    targets.append(flux.helmRelease(root, file: path, document: document.index))
                default:
                    continue
                }
            }
        }
        if targets.isEmpty && problems.isEmpty {
            targets = implicitTargets()
        }
        return (Self.uniquelyNamed(targets), problems)
    }

    /// Kustomizations nobody includes and folders of manifests no kustomization reads.
    private func implicitTargets() -> [DiscoveredTarget] {
        var referencedDirectories: Set<String> = []
        var referencedFiles: Set<String> = []
        for (path, yaml) in snapshot.files
        where RepositorySnapshot.isKustomizationName(RepositoryPath.name(of: path)) {
            let directory = RepositoryPath.directory(of: path)
            guard let root = yaml.documents.first?.root else { continue }
            for key in ["resources", "bases", "components"] {
                for item in root[key]?.items ?? [] {
                    guard let text = item.scalar, let joined = RepositoryPath.join(directory, text) else {
                        continue
                    }
                    if snapshot.isDirectory(joined) {
                        referencedDirectories.insert(joined)
                    } else {
                        referencedFiles.insert(joined)
                    }
                }
            }
        }
        var targets: [DiscoveredTarget] = []
        for directory in snapshot.directories.sorted() {
            guard !isInsideChart(directory) else { continue }
            if let file = snapshot.kustomizationFile(in: directory) {
                let isComponent = snapshot.files[file]?.documents.first?.root?["kind"]?.scalar == "Component"
                guard !referencedDirectories.contains(directory), !isComponent else { continue }
                targets.append(
                    DiscoveredTarget(
                        name: RepositoryPath.display(directory), kind: .kustomization, definedIn: nil,
                        paths: [directory], cluster: nil, namespace: nil, kustomizationFile: file,
                        recipe: TargetRecipe(
                            sources: [.kustomize(directory: directory, overrides: KustomizeOverrides())],
                            defaultNamespace: nil, definedIn: [])))
                continue
            }
            guard !referencedDirectories.contains(directory) else { continue }
            let manifests = snapshot.yamlFiles(in: directory, recursive: false).filter { file in
                !referencedFiles.contains(file) && snapshot.files[file].map(Self.holdsResources) ?? true
            }
            guard !manifests.isEmpty else { continue }
            targets.append(
                DiscoveredTarget(
                    name: RepositoryPath.display(directory), kind: .directory, definedIn: nil,
                    paths: [directory],
                    cluster: nil, namespace: nil,
                    recipe: TargetRecipe(
                        sources: [.plain(directory: directory, recursive: false)], defaultNamespace: nil,
                        definedIn: [])))
        }
        return targets
    }

    private func isInsideChart(_ directory: String) -> Bool {
        snapshot.charts.contains { RepositoryPath.isInside(directory, $0) }
    }

    /// Whether a file holds a Kubernetes resource (not Steward's own policy or configuration).
    private static func holdsResources(_ file: YAMLFile) -> Bool {
        file.documents.contains { document in
            guard document.root?["kind"]?.scalar != nil, let apiVersion = document.root?["apiVersion"]?.scalar
            else {
                return false
            }
            return group(apiVersion) != "steward.dev"
        }
    }

    /// The API groups whose objects declare targets, as `apiVersion` starts with them.
    private static let toolGroups = [
        "argoproj.io/", "kustomize.toolkit.fluxcd.io/", "helm.toolkit.fluxcd.io/",
    ]
    .map { Array($0.utf8) }

    /// Whether a document of `file` may be an Argo CD or Flux object: its `apiVersion` is written
    /// with one of their groups (the bytes are compared, quotes skipped; the documents that pass
    /// are read properly). One key per document costs less than scanning every byte of every
    /// file.
    private static func declaresDeploymentTool(_ file: YAMLFile) -> Bool {
        let bytes = file.bytes
        return file.documents.contains { document in
            guard let root = document.root, root.kind == .mapping, let apiVersion = root["apiVersion"],
                apiVersion.kind == .scalar
            else { return false }
            var text = bytes[apiVersion.byteRange]
            if let quote = text.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                text = text.dropFirst()
            }
            return toolGroups.contains { text.starts(with: $0) }
        }
    }

    /// The API group of an `apiVersion`.
    static func group(_ apiVersion: String) -> String {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Targets with a repeated name get their declaring file appended.
    private static func uniquelyNamed(_ targets: [DiscoveredTarget]) -> [DiscoveredTarget] {
        var counts: [String: Int] = [:]
        for target in targets { counts[target.name, default: 0] += 1 }
        var targets = targets
        for index in targets.indices where counts[targets[index].name, default: 0] > 1 {
            let target = targets[index]
            let file =
                target.definedIn.map { "\($0.file)#\($0.document)" } ?? target.paths.joined(separator: ",")
            targets[index].name = "\(target.name) (\(file))"
        }
        return targets
    }
}
