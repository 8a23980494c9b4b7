import YAMLSyntax

/// What Steward reads of an Argo CD Application, or of an ApplicationSet's template, taken from
/// the YAML once: an ApplicationSet over thousands of folders resolves the same template for each
/// of them, and looking the same keys up in the tree each time cost more than the rest of
/// discovery. ``ArgoApplicationReader`` turns it into a target with a generator's parameters.
struct ApplicationTemplate: Sendable {
    /// The Application's (or template's) root node, where problems of the whole are reported.
    var root: YAMLNode
    var name: Text?
    /// `metadata.namespace`: where the Application object lives (apps in any namespace).
    var namespace: Text?
    /// `spec.project`.
    var project: Text?
    var destinationNamespace: Text?
    var destinationName: Text?
    var destinationServer: Text?
    var sources: [Source]

    /// A value of the template as written (placeholders not filled yet), with its node.
    struct Text: Sendable {
        var node: YAMLNode
        /// The scalar's content, split at its placeholders; nil when the node is a mapping or a
        /// sequence.
        var text: TemplateText?
    }

    /// `spec.source`, or one item of `spec.sources`.
    struct Source: Sendable {
        var node: YAMLNode
        /// Where the source is below the template's root, e.g. `spec.sources[1]`.
        var location: [YAMLPath.Component]
        var ref: Text?
        var repoURL: Text?
        var chart: Text?
        var path: Text?
        var helm: Helm?
        var kustomize: Kustomize?
        /// `directory`: `recurse`, and the options Steward reports (`include`, `exclude`,
        /// `jsonnet`) by key.
        var directory: Directory?
    }

    /// A source's `helm` block.
    struct Helm: Sendable {
        var ignoreMissingValueFiles: Text?
        var valueFiles: [Text]
        /// `values`: whether it is a mapping (else a string), and its line.
        var values: (isMapping: Bool, line: Int)?
        var hasValuesObject: Bool
        var hasParameters: Bool
        var releaseName: Text?
    }

    /// A source's `kustomize` block.
    struct Kustomize: Sendable {
        var namePrefix: Text?
        var nameSuffix: Text?
        var namespace: Text?
        var images: [Text]
        var replicas: [(name: Text?, count: Text?)]
        var components: [Text]
        var patches: [Patch]

        /// An item of `patches`: an inline `patch` or a `path`, optionally with a `target`.
        struct Patch: Sendable {
            var item: YAMLNode
            var target: PatchTarget?
            var patch: Text?
            var path: Text?
        }
    }

    /// A source's `directory` block.
    struct Directory: Sendable {
        var recurse: Text?
        /// The unsupported options present, in the order Steward reports them.
        var unsupported: [(key: String, node: YAMLNode)]
    }

    /// Reads the template rooted at `root`; `goTemplate` says how its placeholders are written.
    init(_ root: YAMLNode, goTemplate: Bool) {
        let reader = Reader(goTemplate: goTemplate)
        self.root = root
        name = reader.text(root["metadata"]?["name"])
        namespace = reader.text(root["metadata"]?["namespace"])
        let spec = root["spec"]
        project = reader.text(spec?["project"])
        let destination = spec?["destination"]
        destinationNamespace = reader.text(destination?["namespace"])
        destinationName = reader.text(destination?["name"])
        destinationServer = reader.text(destination?["server"])
        sources = []
        if let list = spec?["sources"] {
            for (index, item) in list.items.enumerated() {
                sources.append(reader.source(item, at: [.key("spec"), .key("sources"), .index(index)]))
            }
        } else if let source = spec?["source"] {
            sources.append(reader.source(source, at: [.key("spec"), .key("source")]))
        }
    }

    /// Reads the parts of the template.
    private struct Reader {
        var goTemplate: Bool

        func text(_ node: YAMLNode?) -> Text? {
            guard let node else { return nil }
            let text =
                node.kind == .scalar ? node.scalar.map { TemplateText($0, goTemplate: goTemplate) } : nil
            return Text(node: node, text: text)
        }

        func source(_ node: YAMLNode, at location: [YAMLPath.Component]) -> Source {
            Source(
                node: node, location: location, ref: text(node["ref"]), repoURL: text(node["repoURL"]),
                chart: text(node["chart"]), path: text(node["path"]), helm: node["helm"].map(helm),
                kustomize: node["kustomize"].map(kustomize), directory: node["directory"].map(directory))
        }

        private func helm(_ node: YAMLNode) -> Helm {
            let values = node["values"]
            return Helm(
                ignoreMissingValueFiles: text(node["ignoreMissingValueFiles"]),
                valueFiles: (node["valueFiles"]?.items ?? []).compactMap(text),
                values: values.map { ($0.kind == .mapping, $0.start.line) },
                hasValuesObject: node["valuesObject"] != nil, hasParameters: node["parameters"] != nil,
                releaseName: text(node["releaseName"]))
        }

        private func kustomize(_ node: YAMLNode) -> Kustomize {
            Kustomize(
                namePrefix: text(node["namePrefix"]), nameSuffix: text(node["nameSuffix"]),
                namespace: text(node["namespace"]), images: (node["images"]?.items ?? []).compactMap(text),
                replicas: (node["replicas"]?.items ?? []).map { (text($0["name"]), text($0["count"])) },
                components: (node["components"]?.items ?? []).compactMap(text),
                patches: (node["patches"]?.items ?? []).map { item in
                    Kustomize.Patch(
                        item: item, target: item["target"].map(PatchTarget.init), patch: text(item["patch"]),
                        path: text(item["path"]))
                })
        }

        private func directory(_ node: YAMLNode) -> Directory {
            Directory(
                recurse: text(node["recurse"]),
                unsupported: ["include", "exclude", "jsonnet"].compactMap { key in node[key].map { (key, $0) }
                })
        }
    }
}
