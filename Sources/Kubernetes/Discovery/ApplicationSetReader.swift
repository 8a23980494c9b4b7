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
        let application = ApplicationTemplate(template, goTemplate: goTemplate)
        for parameters in parameterSets {
            switch reader.target(application, base: base, parameters: parameters, kind: .applicationSet) {
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
        let include = included.map(Glob.init)
        let exclude = excluded.map(Glob.init)
        var matching: [String] = []
        for directory in snapshot.directories where !directory.isEmpty {
            if include.contains(where: { $0.matches(directory) })
                && !exclude.contains(where: { $0.matches(directory) })
            {
                matching.append(directory)
            }
        }
        return matching.sorted().map {
            TemplateParameters(values: [:], goTemplate: goTemplate, directory: $0)
        }
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

/// Path globs as the ApplicationSet git generator reads them: `*` and `?` within a folder
/// name, `**` across folders.
struct Glob: Sendable {
    private let pattern: [UInt8]
    /// The folders of a pattern without `**`, which match a path's folders one by one.
    private let folders: [[UInt8]]?

    init(_ pattern: String) {
        var bytes = Array(pattern.utf8)
        while bytes.last == Self.slash { bytes.removeLast() }
        self.pattern = bytes
        let crossesFolders = bytes.indices.dropLast().contains {
            bytes[$0] == Self.star && bytes[$0 + 1] == Self.star
        }
        folders =
            crossesFolders
            ? nil : bytes.split(separator: Self.slash, omittingEmptySubsequences: false).map(Array.init)
    }

    func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { text in
            guard let folders else { return Self.match(pattern[...], text[...]) }
            // Without `**` no wildcard crosses a `/`: the path has as many folders as the
            // pattern, each matching its own.
            guard text.count(where: { $0 == Self.slash }) == folders.count - 1 else { return false }
            var start = 0
            var folder = 0
            for index in 0...text.count where index == text.count || text[index] == Self.slash {
                guard folder < folders.count,
                    folders[folder].withUnsafeBufferPointer({ Self.matchFolder($0, text[start..<index]) })
                else { return false }
                folder += 1
                start = index + 1
            }
            return folder == folders.count
        }
    }

    /// Whether one folder name matches one folder of a pattern (`*` any run, `?` any byte):
    /// the usual greedy match, going back to the last `*` on a mismatch.
    private static func matchFolder(
        _ pattern: UnsafeBufferPointer<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>
    ) -> Bool {
        var patternIndex = 0
        var textIndex = text.startIndex
        var lastStar: (pattern: Int, text: Int)?
        while textIndex < text.endIndex {
            if patternIndex < pattern.count && pattern[patternIndex] == star {
                lastStar = (patternIndex, textIndex)
                patternIndex += 1
            } else if patternIndex < pattern.count
                && (pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == text[textIndex])
            {
                patternIndex += 1
                textIndex += 1
            } else if let star = lastStar {
                lastStar = (star.pattern, star.text + 1)
                patternIndex = star.pattern + 1
                textIndex = star.text + 1
            } else {
                return false
            }
        }
        while patternIndex < pattern.count && pattern[patternIndex] == star { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")

    private static func match(_ pattern: ArraySlice<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool
    {
        var pattern = pattern
        var text = text
        while let byte = pattern.first {
            if byte == star {
                let anyFolders = pattern.dropFirst().first == star
                let rest = pattern.drop { $0 == star }
                var candidate = text
                while true {
                    if match(rest, candidate) { return true }
                    guard let next = candidate.first, anyFolders || next != slash else { return false }
                    candidate = candidate.dropFirst()
                }
            }
            guard let character = text.first else { return false }
            if byte == UInt8(ascii: "?") ? character == slash : byte != character { return false }
            pattern = pattern.dropFirst()
            text = text.dropFirst()
        }
        return text.isEmpty
    }
}
