import YAMLSyntax

/// A chart in the repository: its name, where its default values are, the helpers Steward
/// recognizes and what its templates declare.
struct HelmChart: Sendable {
    /// The helpers `helm create` writes, which name resources.
    enum Helper: Sendable {
        /// `<chart>.fullname`: the release and chart names joined, with overrides.
        case fullname
        /// `<chart>.name`: the chart name or `nameOverride`.
        case name
    }

    var directory: String
    var name: String
    /// `values.yaml` of the chart, when it has one.
    var valuesFile: String?
    /// The recognized helpers by name, e.g. `shop.fullname`.
    var helpers: [String: Helper]
    var templates: [HelmTemplate]

    /// Reads the chart in `directory`; nil with a problem when `Chart.yaml` cannot be read.
    static func read(_ directory: String, snapshot: RepositorySnapshot) -> (HelmChart?, [InventoryProblem]) {
        let chartFile = directory.isEmpty ? "Chart.yaml" : "\(directory)/Chart.yaml"
        guard let yaml = snapshot.files[chartFile] else {
            let problem =
                snapshot.parseProblem(chartFile, target: nil)
                ?? InventoryProblem(
                    file: RepositoryPath.display(directory),
                    message: "no Chart.yaml in \(RepositoryPath.display(directory))")
            return (nil, [problem])
        }
        guard let name = yaml.documents.first?.root?["name"]?.scalar, !name.isEmpty else {
            return (
                nil,
                [InventoryProblem(file: chartFile, line: 1, column: 1, message: "Chart.yaml has no name")]
            )
        }
        let valuesFile = directory.isEmpty ? "values.yaml" : "\(directory)/values.yaml"
        var helpers: [String: Helper] = [:]
        var templates: [HelmTemplate] = []
        for file in snapshot.templateFiles(ofChart: directory) {
            guard let bytes = snapshot.templateText(file) else { continue }
            if file.hasSuffix(".tpl") {
                helpers.merge(Self.helpers(in: bytes)) { first, _ in first }
            } else if !RepositoryPath.name(of: file).hasPrefix("_") {
                templates += HelmTemplateScanner.scan(bytes, file: file)
            }
        }
        let chart = HelmChart(
            directory: directory, name: name, valuesFile: snapshot.isFile(valuesFile) ? valuesFile : nil,
            helpers: helpers, templates: templates)
        return (chart, [])
    }

    /// The `define` blocks of a helpers file whose bodies are the ones `helm create` writes.
    static func helpers(in bytes: [UInt8]) -> [String: Helper] {
        var result: [String: Helper] = [:]
        var current: (name: String, body: String, depth: Int)?
        for line in TemplateLine.split(bytes) {
            for action in line.actions {
                let words = HelmExpression.words(action)
                if current == nil, words.first == "define", words.count >= 2 {
                    current = (String(words[1].dropFirst().dropLast()), "", 0)
                    continue
                }
                guard var block = current else { continue }
                switch words.first {
                case "if", "with", "range", "block", "define":
                    block.depth += 1
                case "end":
                    if block.depth == 0 {
                        if let helper = helper(block.body) { result[block.name] = helper }
                        current = nil
                        continue
                    }
                    block.depth -= 1
                default: break
                }
                block.body += action + "\n"
                current = block
            }
        }
        return result
    }

    private static func helper(_ body: String) -> Helper? {
        if body.contains(ascii: ".Values.fullnameOverride"), body.contains(ascii: ".Release.Name"),
            body.contains(ascii: "default .Chart.Name .Values.nameOverride")
        {
            return .fullname
        }
        if body.contains(ascii: "default .Chart.Name .Values.nameOverride"),
            !body.contains(ascii: ".Release.Name")
        {
            return .name
        }
        return nil
    }
}
