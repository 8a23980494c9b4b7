import YAMLSyntax

/// What a release deploys from a chart in the repository.
struct HelmReleaseSpec: Sendable {
    var chart: String
    var release: String
    var namespace: String
    /// The layers above the chart's defaults, lowest precedence first.
    var layers: [HelmValues.Layer]
    /// Whether the chart's `values.yaml` is the lowest layer (Flux's `valuesFiles` replaces it).
    var includeChartDefaults = true
    /// Documents that define the release (the Application or HelmRelease), for sharing.
    var definedIn: [DocumentKey] = []
}

/// Renders the workloads of a release: names from the templates' expressions, each container's
/// resources from the values path its template reads (or a configured mapping, or a
/// convention), with the layer that wins for each field.
enum HelmRenderer {
    static func render(
        _ spec: HelmReleaseSpec, chart reading: (HelmChart?, [InventoryProblem]),
        snapshot: RepositorySnapshot,
        mappings: [HelmMapping]
    ) -> RenderOutput {
        var output = RenderOutput()
        output.used += spec.definedIn
        let (chart, problems) = reading
        output.problems += problems
        guard let chart else { return output }
        var layers = spec.layers
        if spec.includeChartDefaults, let valuesFile = chart.valuesFile {
            guard let yaml = snapshot.files[valuesFile] else {
                output.problems += snapshot.parseProblem(valuesFile, target: nil).map { [$0] } ?? []
                return output
            }
            let root = SourceLocation(file: valuesFile, document: 0)
            layers.insert(
                HelmValues.Layer(
                    meta: HelmValuesLayer(kind: .chartDefaults, root: root), node: yaml.documents.first?.root,
                    context: DocumentContext(file: valuesFile, document: 0)), at: 0)
        }
        for layer in layers {
            output.used.append(DocumentKey(file: layer.meta.root.file, document: layer.meta.root.document))
        }
        let values = HelmValues(layers: layers)
        let expression = HelmExpression(
            release: spec.release, namespace: spec.namespace, chart: chart, values: values)
        let containerCount = chart.templates.reduce(0) { $0 + $1.containers.count }
        for template in chart.templates {
            if template.conditions.contains(where: { expression.condition($0) == false }) { continue }
            let origin = SourceLocation(file: template.file, document: template.document)
            guard let nameExpression = template.nameExpression, let name = expression.evaluate(nameExpression)
            else {
                output.problems.append(
                    InventoryProblem(
                        file: template.file, line: template.line, column: 1,
                        message: "cannot tell the name of this \(template.kind): "
                            + "`\(template.nameExpression ?? "no metadata.name")` is not a helper Steward reads",
                        blocksWrites: false))
                continue
            }
            if let autoscaler = template.autoscaler {
                let body = AutoscalerBody(
                    targetKind: autoscaler.targetKind,
                    targetName: expression.evaluate(autoscaler.targetName) ?? autoscaler.targetName,
                    minReplicas: autoscaler.minReplicas.flatMap(expression.evaluate).flatMap { Int($0) },
                    maxReplicas: autoscaler.maxReplicas.flatMap(expression.evaluate).flatMap { Int($0) },
                    utilization: autoscaler.utilization.compactMapValues {
                        expression.evaluate($0).flatMap { Int($0) }
                    })
                output.resources.append(
                    RenderedResource(
                        apiVersion: template.apiVersion, kind: template.kind, name: name,
                        namespace: spec.namespace,
                        origin: origin, body: .autoscaler(body)))
                continue
            }
            guard let shape = PodSpecShape.byKind[template.kind] else { continue }
            var body = WorkloadBody(
                shape: shape,
                replicas: template.replicasConditions.contains { expression.condition($0) == false }
                    ? nil : template.replicasExpression.flatMap(expression.evaluate).flatMap { Int($0) },
                containers: [], initContainers: [])
            for container in template.containers {
                guard let containerName = expression.evaluate(container.nameExpression) else {
                    output.problems.append(
                        InventoryProblem(
                            file: template.file, line: container.line, column: 1,
                            message: "cannot tell the name of a container of \(template.kind) \(name): "
                                + "`\(container.nameExpression)`", blocksWrites: false))
                    continue
                }
                var rendered = RenderedContainer(
                    name: containerName, image: nil, restartPolicy: container.restartPolicy,
                    source: .unmapped(""))
                let mapped = mapping(
                    container, named: containerName, in: template, chart: chart, values: values,
                    mappings: mappings, containerCount: containerCount)
                switch mapped {
                case .success(let (paths, evidence)):
                    var winners: [ResourceField: Int] = [:]
                    for (field, path) in paths {
                        guard let (node, layer) = values.lookup(path), node.kind == .scalar,
                            let text = node.scalar
                        else { continue }
                        winners[field] = layer
                        rendered.fields.set(
                            field,
                            to: RenderedValue(
                                text: text, location: values.location(path, layer: layer, node: node)))
                    }
                    rendered.source = .helmValues(
                        HelmValuesSource(
                            paths: paths, layers: layers.map(\.meta), winners: winners, evidence: evidence))
                case .failure(let reason):
                    rendered.source = .unmapped(reason.message)
                    output.problems.append(
                        InventoryProblem(
                            file: template.file, line: container.line, column: 1,
                            message:
                                "container \(containerName) of \(template.kind) \(name): \(reason.message)",
                            blocksWrites: false))
                }
                body[container.section].append(rendered)
            }
            output.resources.append(
                RenderedResource(
                    apiVersion: template.apiVersion, kind: template.kind, name: name,
                    namespace: spec.namespace,
                    origin: origin, body: .workload(body)))
        }
        return output
    }

    /// Why a container could not be mapped.
    struct Unmapped: Error {
        var message: String
    }

    /// The values path of each resource field of a container, and how it was found.
    private static func mapping(
        _ container: HelmTemplate.Container, named name: String, in template: HelmTemplate, chart: HelmChart,
        values: HelmValues, mappings: [HelmMapping], containerCount: Int
    ) -> Result<([ResourceField: YAMLPath], String), Unmapped> {
        let templateFile =
            chart.directory.isEmpty
            ? template.file : String(template.file.dropFirst(chart.directory.count + 1))
        if let configured = mappings.first(where: {
            ($0.chart == chart.directory || $0.chart == chart.name) && $0.container == name
                && ($0.template == nil || $0.template == templateFile)
        }) {
            return .success((fields(under: configured.values), "configured in inventory.helm"))
        }
        switch container.resources {
        case .block(let path, let line):
            return .success((fields(under: path), "\(template.file):\(line)"))
        case .fields(let paths, let line):
            return .success((paths, "\(template.file):\(line)"))
        case .none:
            return .failure(
                Unmapped(
                    message: "the template sets no resources; map it in inventory.helm of the configuration"))
        case .indirect(_, let line):
            for candidate in conventions(container, named: name, in: template, containerCount: containerCount)
            {
                if let node = values.lookup(candidate)?.node, node.kind == .mapping {
                    return .success(
                        (fields(under: candidate), "convention \(candidate) (\(template.file):\(line))"))
                }
            }
            return .failure(
                Unmapped(
                    message:
                        "resources at \(template.file):\(line) do not read a values path Steward can follow, "
                        + "and no conventional path exists; map it in inventory.helm of the configuration"))
        }
    }

    /// `<component>.<container>.resources`, `<component>.resources`, and `resources` for a chart
    /// with one container; the component is the template's values prefix or file name.
    private static func conventions(
        _ container: HelmTemplate.Container, named name: String, in template: HelmTemplate,
        containerCount: Int
    ) -> [YAMLPath] {
        var components: [String] = []
        for path in container.mentionsValues {
            if case .key(let first) = path.components.first, !components.contains(first) {
                components.append(first)
            }
        }
        let stem = RepositoryPath.name(of: template.file).split(separator: ".").first.map(String.init) ?? ""
        if !stem.isEmpty, !components.contains(stem) { components.append(stem) }
        var candidates: [YAMLPath] = []
        for component in components where component != "resources" {
            candidates.append(YAMLPath([.key(component), .key(name), .key("resources")]))
            candidates.append(YAMLPath([.key(component), .key("resources")]))
        }
        if containerCount == 1 { candidates.append(YAMLPath([.key("resources")])) }
        return candidates
    }

    private static func fields(under path: YAMLPath) -> [ResourceField: YAMLPath] {
        var result: [ResourceField: YAMLPath] = [:]
        for field in ResourceField.allCases {
            result[field] = path.appending(.key(field.section)).appending(.key(field.resource))
        }
        return result
    }
}
