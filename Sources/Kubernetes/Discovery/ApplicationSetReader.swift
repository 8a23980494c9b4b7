import YAMLSyntax

/// Expands an Argo CD ApplicationSet with list and git-directory generators into the
/// Applications it generates; other generators are reported as unsupported.
struct ApplicationSetReader {
    let snapshot: RepositorySnapshot
    let options: InventoryOptions

    func targets(_ root: YAMLNode, file: String, document: Int) -> (
        targets: [DiscoveredTarget], problems: [InventoryProblem]
    ) {
        var targets: [DiscoveredTarget] = []
        var problems: [InventoryProblem] = []
        let name = root["metadata"]?["name"]?.scalar ?? "?"
        guard let spec = root["spec"], let template = spec["template"] else {
            return (
                [],
                [
                    InventoryProblem(
                        file: file, line: root.start.line, column: root.start.column,
                        message: "ApplicationSet \(name) has no spec.template")
                ]
            )
        }
        if let patch = spec["templatePatch"] {
            problems.append(
                InventoryProblem(
                    file: file, line: patch.start.line, column: patch.start.column,
                    message:
                        "ApplicationSet \(name): `templatePatch` is not supported; the ApplicationSet is not read"
                ))
            return ([], problems)
        }
        let goTemplate = spec["goTemplate"]?.scalar == "true"
        var parameterSets: [TemplateParameters] = []
        for generator in spec["generators"]?.items ?? [] {
            if let list = generator["list"] {
                for element in list["elements"]?.items ?? [] {
                    var values: [String: String] = [:]
                    flatten(element, prefix: "", into: &values)
                    parameterSets.append(TemplateParameters(values: values, goTemplate: goTemplate))
                }
            } else if let git = generator["git"], let directories = git["directories"] {
                parameterSets += self.directories(directories, goTemplate: goTemplate)
            } else {
                let kind = generator.entries.first?.key.scalar ?? "?"
                problems.append(
                    InventoryProblem(
                        file: file, line: generator.start.line, column: generator.start.column,
                        message: "ApplicationSet \(name): the `\(kind)` generator is not supported "
                            + "(only list and git directories are)",
                        blocksWrites: false))
            }
        }
        let reader = ArgoApplicationReader(snapshot: snapshot, options: options)
        let base = SourceLocation(
            file: file, document: document, path: YAMLPath([.key("spec"), .key("template")]))
        for parameters in parameterSets {
            switch reader.target(root: template, base: base, parameters: parameters, kind: .applicationSet) {
            case .success(let target): targets.append(target)
            case .failure(var problem):
                problem.message = "ApplicationSet \(name): " + problem.message
                problems.append(problem)
            }
        }
        return (targets, problems)
    }

    /// The folders a git generator's `directories` select, in order, exclusions applied.
    private func directories(_ list: YAMLNode, goTemplate: Bool) -> [TemplateParameters] {
        var included: [String] = []
        var excluded: [String] = []
        for item in list.items {
            guard let pattern = item["path"]?.scalar else { continue }
            if item["exclude"]?.scalar == "true" {
                excluded.append(pattern)
            } else {
                included.append(pattern)
            }
        }
        let all = snapshot.directories.filter { !$0.isEmpty }.sorted()
        return all.filter { directory in
            included.contains { Glob.matches($0, directory) }
                && !excluded.contains { Glob.matches($0, directory) }
        }.map { TemplateParameters.directory($0, goTemplate: goTemplate) }
    }

    /// A list element's values with nested keys dotted (`values.env`).
    private func flatten(_ node: YAMLNode, prefix: String, into values: inout [String: String]) {
        for (key, value) in node.entries {
            guard let key = key.scalar else { continue }
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            if value.kind == .mapping {
                flatten(value, prefix: name, into: &values)
            } else if let text = value.scalar {
                values[name] = text
            }
        }
    }
}

/// Path globs as the ApplicationSet git generator reads them: `*` within a folder name, `**`
/// across folders, `?` one character.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(
            Array(pattern.split(separator: "/", omittingEmptySubsequences: true)),
            Array(path.split(separator: "/", omittingEmptySubsequences: true)))
    }

    private static func match(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            return (0...path.count).contains { match(Array(pattern.dropFirst()), Array(path.dropFirst($0))) }
        }
        guard let segment = path.first, matchSegment(Array(first), Array(segment)) else { return false }
        return match(Array(pattern.dropFirst()), Array(path.dropFirst()))
    }

    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            return (0...text.count).contains {
                matchSegment(Array(pattern.dropFirst()), Array(text.dropFirst($0)))
            }
        }
        guard let character = text.first, first == "?" || first == character else { return false }
        return matchSegment(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
}
