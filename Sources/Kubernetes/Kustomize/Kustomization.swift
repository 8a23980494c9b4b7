import YAMLSyntax

/// A kustomization file (or a component) as Steward reads it: the fields that decide which
/// resources a target deploys and what their containers' resources are.
struct Kustomization: Sendable {
    /// The file, and the folder its relative paths start from.
    var file: String
    var directory: String
    var isComponent = false
    var resources: [Entry] = []
    var components: [Entry] = []
    var namespace: String?
    var namePrefix: String?
    var nameSuffix: String?
    var strategicMergePatches: [PatchEntry] = []
    var patches: [PatchEntry] = []
    var json6902Patches: [PatchEntry] = []
    var replicas: [ReplicaEntry] = []
    var images: [ImageEntry] = []
    /// Features Steward does not render that can change containers, with where they are.
    var unsupported: [Entry] = []
    /// Problems with the file's own fields.
    var problems: [InventoryProblem] = []

    /// A path or URL in a list, with where it is written.
    struct Entry: Sendable {
        var text: String
        var line: Int
        var column: Int
    }

    /// A patch: a file or inline text, optionally with a target selector.
    struct PatchEntry: Sendable {
        /// The file whose `line` and `column` name the entry (a kustomization, an Application).
        var declaredIn: String
        /// The patch file, relative to the repository root, when the patch is a file.
        var file: String?
        /// The patch text when it is inline, and where that string is.
        var inline: String?
        var inlineLocation: SourceLocation?
        var target: PatchTarget?
        var line: Int
        var column: Int
    }

    /// `replicas: [{name, count}]`.
    struct ReplicaEntry: Sendable {
        var name: String
        var count: Int
    }

    /// `images: [{name, newName, newTag, digest}]`.
    struct ImageEntry: Sendable {
        var name: String
        var newName: String?
        var newTag: String?
        var digest: String?
    }

    init(file: String, directory: String) {
        self.file = file
        self.directory = directory
    }

    /// Reads the first document of a parsed kustomization file.
    init(parsing yaml: YAMLFile, file: String) {
        self.init(file: file, directory: RepositoryPath.directory(of: file))
        guard let document = yaml.documents.first, let root = document.root, root.kind == .mapping else {
            if yaml.documents.first?.root.map({ !$0.isEmpty }) ?? false {
                problems.append(InventoryProblem(file: file, line: 1, column: 1, message: "not a mapping"))
            }
            return
        }
        // One pass over the keys: a kustomization is read once per folder, but there are many.
        for (keyNode, value) in root.entries {
            guard let key = keyNode.scalar else { continue }
            switch key {
            case "kind": isComponent = value.scalar == "Component"
            case "resources", "bases":
                if resources.isEmpty { resources = entries(value) } else { resources += entries(value) }
            case "components": components = entries(value)
            case "namespace": namespace = nonEmpty(value.scalar)
            case "namePrefix": namePrefix = nonEmpty(value.scalar)
            case "nameSuffix": nameSuffix = nonEmpty(value.scalar)
            case "patchesStrategicMerge":
                for (index, item) in value.items.enumerated() {
                    guard let text = item.scalar else { continue }
                    strategicMergePatches.append(
                        patchEntry(
                            text: text, node: item, path: YAMLPath([.key(key), .index(index)]), target: nil))
                }
            case "patches": patches = patchEntries(value, key: key)
            case "patchesJson6902": json6902Patches = patchEntries(value, key: key)
            case "replicas":
                replicas = value.items.compactMap { item in
                    guard let name = item["name"]?.scalar,
                        let count = item["count"]?.scalar.flatMap({ Int($0) })
                    else { return nil }
                    return ReplicaEntry(name: name, count: count)
                }
            case "images":
                images = value.items.compactMap { item in
                    guard let name = item["name"]?.scalar else { return nil }
                    return ImageEntry(
                        name: name, newName: item["newName"]?.scalar, newTag: item["newTag"]?.scalar,
                        digest: item["digest"]?.scalar)
                }
            case "helmCharts", "generators", "transformers":
                if !(value.kind == .sequence && value.items.isEmpty) {
                    unsupported.append(Entry(text: key, line: value.start.line, column: value.start.column))
                }
            case "replacements":
                if value.source.contains(ascii: "containers") {
                    unsupported.append(Entry(text: key, line: value.start.line, column: value.start.column))
                }
            default:
                continue
            }
        }
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private func entries(_ node: YAMLNode?) -> [Entry] {
        (node?.items ?? []).compactMap { item in
            guard let text = item.scalar else { return nil }
            let start = item.start
            return Entry(text: text, line: start.line, column: start.column)
        }
    }

    private func patchEntries(_ node: YAMLNode?, key: String) -> [PatchEntry] {
        (node?.items ?? []).enumerated().compactMap { index, item in
            let target = item["target"].map(PatchTarget.init)
            if let path = item["path"]?.scalar {
                return patchEntry(
                    text: path, node: item, path: YAMLPath([.key(key), .index(index)]), target: target,
                    file: true)
            }
            if let patch = item["patch"], let text = patch.scalar {
                return patchEntry(
                    text: text, node: patch, path: YAMLPath([.key(key), .index(index), .key("patch")]),
                    target: target)
            }
            return nil
        }
    }

    /// A patch from a list item: a file path, or inline text (which holds a line break or starts
    /// like a manifest); `path`, where the text is, is built only for inline text.
    private func patchEntry(
        text: String, node: YAMLNode, path: @autoclosure () -> YAMLPath, target: PatchTarget?,
        file: Bool = false
    ) -> PatchEntry {
        let inline =
            !file && (text.contains(ascii: "\n") || text.hasPrefix("apiVersion") || text.hasPrefix("kind"))
        let start = node.start
        return PatchEntry(
            declaredIn: self.file, file: inline ? nil : RepositoryPath.join(directory, text) ?? text,
            inline: inline ? text : nil,
            inlineLocation: inline ? SourceLocation(file: self.file, document: 0, path: path()) : nil,
            target: target, line: start.line, column: start.column)
    }
}

/// A patch's `target`: which resources it applies to. Empty fields match anything; `name` and
/// `namespace` are regular expressions that must match whole names, as in kustomize.
struct PatchTarget: Sendable {
    var group: String?
    var version: String?
    var kind: String?
    var name: String?
    var namespace: String?
    var labelSelector: String?
    var annotationSelector: String?

    init(
        group: String? = nil, version: String? = nil, kind: String? = nil, name: String? = nil,
        namespace: String? = nil, labelSelector: String? = nil, annotationSelector: String? = nil
    ) {
        self.group = group
        self.version = version
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.annotationSelector = annotationSelector
    }

    init(_ node: YAMLNode) {
        self.init(
            group: node["group"]?.scalar, version: node["version"]?.scalar, kind: node["kind"]?.scalar,
            name: node["name"]?.scalar, namespace: node["namespace"]?.scalar,
            labelSelector: node["labelSelector"]?.scalar,
            annotationSelector: node["annotationSelector"]?.scalar)
    }

    /// Whether the selector picks `resource`.
    func selects(_ resource: RenderedResource) -> Bool {
        if let group, group != resource.group { return false }
        if let version, version != resource.version { return false }
        if let kind, kind != resource.kind { return false }
        if let name,
            !Self.matches(name, resource.name)
                && !resource.previousNames.contains(where: { Self.matches(name, $0) })
        {
            return false
        }
        if let namespace, !Self.matches(namespace, resource.namespace ?? "") { return false }
        if let labelSelector, !Self.selectorMatches(labelSelector, resource.labels) { return false }
        if let annotationSelector, !Self.selectorMatches(annotationSelector, resource.annotations) {
            return false
        }
        return true
    }

    /// A whole-string match of a kustomize name pattern (a regular expression, usually a plain name).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        if pattern == text { return true }
        guard pattern.contains(where: { "*.+?[]()|^$\\".contains($0) }),
            let regex = try? Regex(pattern)
        else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    /// `a=b,c!=d,e` against labels: equality, inequality and existence requirements.
    static func selectorMatches(_ selector: String, _ labels: [String: String]) -> Bool {
        for requirement in selector.split(separator: ",") {
            let text = requirement.trimming(" ")
            if let range = text.firstRange(of: "!=") {
                if labels[String(text[..<range.lowerBound])] == String(text[range.upperBound...]) {
                    return false
                }
            } else if let range = text.firstRange(of: "==") ?? text.firstRange(of: "=") {
                if labels[String(text[..<range.lowerBound])] != String(text[range.upperBound...]) {
                    return false
                }
            } else if text.hasPrefix("!") {
                if labels[String(text.dropFirst())] != nil { return false }
            } else if labels[text] == nil {
                return false
            }
        }
        return true
    }
}
