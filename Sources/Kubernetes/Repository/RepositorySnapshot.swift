import YAMLSyntax

/// The repository's files as the inventory reads them: every YAML file parsed with the lossless
/// engine, Helm chart templates kept as text (Go templates are not YAML), folders indexed.
///
/// A file that does not parse is reported with its line and column and left out; everything
/// else is read.
public struct RepositorySnapshot: Sendable {
    /// Parsed files by path.
    public private(set) var files: [String: YAMLFile] = [:]
    /// Files that did not parse, with the parser's error.
    private(set) var unparsable: [String: YAMLError] = [:]
    /// Chart templates and helpers (`<chart>/templates/…`) as bytes.
    private(set) var templates: [String: [UInt8]] = [:]
    /// Every file path, parsed or not, hidden folders excepted.
    private(set) var paths: Set<String> = []
    /// Every folder holding a file, at any depth; the root is the empty string.
    private(set) var directories: Set<String> = [""]
    /// Parsed and unparsable YAML files directly inside each folder, sorted.
    private(set) var yamlFilesByDirectory: [String: [String]] = [:]
    /// Folders holding a `Chart.yaml`.
    private(set) var charts: Set<String> = []
    /// The kustomization file of each folder that has one.
    private var kustomizations: [String: String] = [:]

    /// Reads `tree`, leaving out hidden files and those `ignoring` says to.
    /// - Throws: ``FileTreeError`` when the tree cannot be listed or a file cannot be read.
    public init(tree: some FileTree, ignoring: (String) -> Bool = { _ in false }) throws(FileTreeError) {
        var all: [String] = []
        for path in try tree.filePaths() where !Self.isHidden(path) && !ignoring(path) {
            all.append(path)
        }
        for path in all where RepositoryPath.hasName(path, "Chart.yaml") {
            charts.insert(RepositoryPath.directory(of: path))
        }
        paths.reserveCapacity(all.count)
        files.reserveCapacity(all.count)
        var json: [String] = []
        for path in all {
            let kind = FileKind(path)
            insertPath(path, kind: kind)
            if isChartTemplate(path) {
                if Self.isTemplateText(path) { templates[path] = try tree.contents(of: path) }
            } else if kind.isYAML {
                parse(path, bytes: try tree.contents(of: path))
            } else if kind == .json {
                json.append(path)
            }
        }
        // JSON files are read only when a kustomization names them: most are dashboards or data.
        if !json.isEmpty {
            let referenced = referencedJSONFiles()
            for path in json where referenced.contains(path) {
                parse(path, bytes: try tree.contents(of: path))
            }
        }
        for index in yamlFilesByDirectory.values.indices { yamlFilesByDirectory.values[index].sort() }
    }

    /// This snapshot with some files replaced or added (already-parsed files are reused).
    public func replacing(_ changed: [String: [UInt8]]) -> RepositorySnapshot {
        var copy = self
        for (path, bytes) in changed.sorted(by: { $0.key < $1.key }) {
            if !copy.paths.contains(path) {
                copy.insertPath(path, kind: FileKind(path))
                copy.yamlFilesByDirectory[RepositoryPath.directory(of: path)]?.sort()
            }
            copy.files[path] = nil
            copy.unparsable[path] = nil
            copy.parse(path, bytes: bytes)
        }
        return copy
    }

    /// Whether `path` is a file of the repository.
    func isFile(_ path: String) -> Bool { paths.contains(path) }

    /// Whether `path` is a folder of the repository.
    func isDirectory(_ path: String) -> Bool { directories.contains(path) }

    /// The kustomization file of a folder (`kustomization.yaml`, `.yml` or `Kustomization`).
    func kustomizationFile(in directory: String) -> String? {
        kustomizations[directory]
    }

    /// The YAML files directly inside `directory`, or also in its sub-folders.
    func yamlFiles(in directory: String, recursive: Bool) -> [String] {
        guard recursive else { return yamlFilesByDirectory[directory] ?? [] }
        return yamlFilesByDirectory.filter { RepositoryPath.isInside($0.key, directory) }
            .sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// The problem to report for a file that did not parse, if it did not.
    func parseProblem(_ path: String, target: String?) -> InventoryProblem? {
        guard let error = unparsable[path] else { return nil }
        return Self.problem(error, file: path, target: target)
    }

    /// Every file that did not parse, as problems of the repository.
    var parseProblems: [InventoryProblem] {
        unparsable.sorted { $0.key < $1.key }.map { Self.problem($0.value, file: $0.key, target: nil) }
    }

    /// The folder of the chart holding `path` when `path` is inside a chart's `templates/`.
    func chart(holdingTemplate path: String) -> String? {
        guard !charts.isEmpty, path.utf8.starts(with: "templates/".utf8) || Self.containsTemplatesFolder(path)
        else {
            return nil
        }
        var directory = RepositoryPath.directory(of: path)
        while true {
            if RepositoryPath.name(of: directory) == "templates" {
                let chart = RepositoryPath.directory(of: directory)
                if charts.contains(chart) { return chart }
            }
            if directory.isEmpty { return nil }
            directory = RepositoryPath.directory(of: directory)
        }
    }

    /// Chart templates directly under `<chart>/templates` and its sub-folders, sorted.
    func templateFiles(ofChart chart: String) -> [String] {
        let prefix = chart.isEmpty ? "templates/" : "\(chart)/templates/"
        return templates.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    func templateText(_ path: String) -> [UInt8]? { templates[path] }

    private func isChartTemplate(_ path: String) -> Bool {
        chart(holdingTemplate: path) != nil
    }

    private mutating func insertPath(_ path: String, kind: FileKind) {
        paths.insert(path)
        var directory = RepositoryPath.directory(of: path)
        if case .kustomization(let rank) = kind {
            // kustomize prefers kustomization.yaml, then .yml, then Kustomization.
            let existingRank = kustomizations[directory].flatMap { FileKind($0).kustomizationRank }
            if existingRank.map({ $0 > rank }) ?? true {
                kustomizations[directory] = path
            }
        }
        if kind.isYAML || kind == .json {
            yamlFilesByDirectory[directory, default: []].append(path)
        }
        while directories.insert(directory).inserted && !directory.isEmpty {
            directory = RepositoryPath.directory(of: directory)
        }
    }

    private mutating func parse(_ path: String, bytes: [UInt8]) {
        do {
            files[path] = try YAMLFile(bytes: bytes, path: path)
        } catch {
            unparsable[path] = error
        }
    }

    /// `.json` paths that kustomizations name, relative to the root.
    private func referencedJSONFiles() -> Set<String> {
        var referenced: Set<String> = []
        for (path, file) in files where Self.isKustomizationName(RepositoryPath.name(of: path)) {
            let directory = RepositoryPath.directory(of: path)
            guard let root = file.documents.first?.root else { continue }
            var names: [String] = []
            for key in ["patches", "patchesJson6902", "patchesStrategicMerge", "resources"] {
                for item in root[key]?.items ?? [] {
                    if let text = item["path"]?.scalar ?? item.scalar { names.append(text) }
                }
            }
            for name in names where name.hasSuffix(".json") {
                if let joined = RepositoryPath.join(directory, name) { referenced.insert(joined) }
            }
        }
        return referenced
    }

    private static let templatesFolder = Array("/templates/".utf8)

    /// Whether `path` contains `/templates/`.
    private static func containsTemplatesFolder(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard bytes.count >= templatesFolder.count else { return false }
            return (0...(bytes.count - templatesFolder.count)).contains { start in
                bytes[start] == UInt8(ascii: "/")
                    && bytes[start..<(start + templatesFolder.count)].elementsEqual(templatesFolder)
            }
        }
    }

    static func isKustomizationName(_ name: String) -> Bool {
        name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization"
    }

    private static func isTemplateText(_ path: String) -> Bool {
        RepositoryPath.hasSuffix(path, ".yaml") || RepositoryPath.hasSuffix(path, ".yml")
            || RepositoryPath.hasSuffix(path, ".tpl")
    }

    /// Hidden folders and files (`.git`, `.github`) hold no manifests.
    private static func isHidden(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var previous = UInt8(ascii: "/")
            for byte in bytes {
                if byte == UInt8(ascii: "."), previous == UInt8(ascii: "/") { return true }
                previous = byte
            }
            return false
        }
    }

    private static func problem(_ error: YAMLError, file: String, target: String?) -> InventoryProblem {
        var detail: String?
        if let line = error.sourceLine {
            let prefix = line.unicodeScalars.prefix(max(error.column - 1, 0))
            detail = line + "\n" + String(prefix.map { $0 == "\t" ? "\t" : " " }) + "^"
        }
        return InventoryProblem(
            target: target, file: file, line: error.line, column: error.column,
            message: error.message, detail: detail, isSyntaxError: true)
    }
}
