/// Renders discovered targets against one snapshot, sharing what targets have in common: the
/// builds of kustomization folders and the charts read from their templates.
struct TargetRenderer {
    let snapshot: RepositorySnapshot
    let options: InventoryOptions
    private var kustomize: KustomizeRenderer
    private var charts: [String: (HelmChart?, [InventoryProblem])] = [:]

    init(snapshot: RepositorySnapshot, options: InventoryOptions) {
        self.snapshot = snapshot
        self.options = options
        kustomize = KustomizeRenderer(snapshot: snapshot)
    }

    /// The target with its workloads, autoscalers, problems and the documents it reads.
    mutating func render(_ discovered: DiscoveredTarget) -> DeploymentTarget {
        var output = RenderOutput()
        output.used += discovered.recipe.definedIn
        output.problems = discovered.problems
        for source in discovered.recipe.sources {
            switch source {
            case .kustomize(let directory, let overrides):
                output.append(kustomize.render(directory: directory, overrides: overrides))
            case .generated(let directory, let overrides):
                output.append(kustomize.renderGenerated(directory: directory, overrides: overrides))
            case .plain(let directory, let recursive):
                output.append(kustomize.renderPlain(directory: directory, recursive: recursive))
            case .helm(let recipe):
                let (spec, problems) = recipe.spec(in: snapshot, definedIn: discovered.recipe.definedIn)
                output.problems += problems
                output.append(
                    HelmRenderer.render(
                        spec, chart: chart(recipe.chart), snapshot: snapshot, mappings: options.helmMappings))
            }
        }
        let (workloads, autoscalers) = WorkloadAssembler.assemble(
            output.resources, defaultNamespace: discovered.recipe.defaultNamespace)
        var problems: [InventoryProblem] = []
        for var problem in output.problems
        where !problems.contains(where: { $0.description == problem.description }) {
            problem.target = discovered.name
            problems.append(problem)
        }
        return DeploymentTarget(
            name: discovered.name, kind: discovered.kind, definedIn: discovered.definedIn,
            paths: discovered.paths,
            cluster: discovered.cluster, namespace: discovered.namespace,
            applicationName: discovered.applicationName,
            applicationNamespace: discovered.applicationNamespace,
            applicationProject: discovered.applicationProject,
            kustomizationFile: discovered.kustomizationFile, workloads: workloads, autoscalers: autoscalers,
            problems: problems, used: output.used, recipe: discovered.recipe)
    }

    /// The chart in `directory`, read once.
    private mutating func chart(_ directory: String) -> (HelmChart?, [InventoryProblem]) {
        if let cached = charts[directory] { return cached }
        let chart = HelmChart.read(directory, snapshot: snapshot)
        charts[directory] = chart
        return chart
    }
}
